import { useView } from '../../../ui/context.js';
import { componentExamples } from '../../../ui/components/examples.js';
import { Layout } from '../../../ui/layout.js';

/** Every UI component with its examples; only outside production. `?komponent=` shows one. */
export function ComponentGalleryPage(props: { only: string | undefined }) {
  const { t } = useView();
  const shown = componentExamples.filter((c) => !props.only || c.component === props.only);
  return (
    <Layout title={t('site.gallery.title')}>
      <h1>{t('site.gallery.title')}</h1>
      <p>{t('site.gallery.intro')}</p>
      {shown.map((c) => (
        <section class="gallery" aria-labelledby={`gallery-${c.component}`}>
          <h2 id={`gallery-${c.component}`}>{c.component}</h2>
          {c.examples.map((e) => (
            <div class="gallery__example">
              <h3 class="gallery__name">{e.name}</h3>
              {e.render()}
            </div>
          ))}
        </section>
      ))}
    </Layout>
  );
}
