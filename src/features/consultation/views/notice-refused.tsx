import { useView } from '../../../ui/context.js';
import { Layout } from '../../../ui/layout.js';

/** Why a version cannot be announced (409): it already has a consultation, or it was not sent to consultation. */
export function NoticeRefusedPage(props: {
  reason: 'exists' | 'notInConsultation';
  consultationId?: number;
  programmeId: number;
}) {
  const { t } = useView();
  const title = t(`consultation.refused.${props.reason}Title`);
  return (
    <Layout title={title} breadcrumbs={[{ label: t('consultation.title'), href: '/konsultacje' }, { label: title }]}>
      <h1>{title}</h1>
      <p>{t(`consultation.refused.${props.reason}`)}</p>
      <ul class="link-list">
        {props.consultationId !== undefined && (
          <li>
            <a href={`/konsultacje/${props.consultationId}`}>{t('consultation.refused.toConsultation')}</a>
          </li>
        )}
        <li>
          <a href={`/program-wspolpracy/${props.programmeId}`}>{t('consultation.refused.toProgramme')}</a>
        </li>
      </ul>
    </Layout>
  );
}
