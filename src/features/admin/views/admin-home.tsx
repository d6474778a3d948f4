import { useView } from '../../../ui/context.js';
import { Layout } from '../../../ui/layout.js';

export function AdminHomePage() {
  const { t } = useView();
  const sections = [
    { href: '/admin/uzytkownicy', key: 'users' },
    { href: '/admin/dziennik', key: 'audit' },
    { href: '/admin/poczta', key: 'outbox' },
    { href: '/admin/ustawienia', key: 'settings' },
  ];
  return (
    <Layout title={t('admin.title')}>
      <h1>{t('admin.title')}</h1>
      <ul class="cards">
        {sections.map((s) => (
          <li class="card">
            <h2 class="card__title">
              <a href={s.href}>{t(`admin.sections.${s.key}.title`)}</a>
            </h2>
            <p>{t(`admin.sections.${s.key}.body`)}</p>
          </li>
        ))}
      </ul>
    </Layout>
  );
}
