import { useView } from '../../../ui/context.js';
import { Button } from '../../../ui/components/button.js';
import { ErrorSummary } from '../../../ui/components/error-summary.js';
import { TextArea, TextField } from '../../../ui/components/field.js';
import { Form } from '../../../ui/components/form.js';
import { Layout } from '../../../ui/layout.js';
import { errorFor, type FormModel } from '../../../platform/http/forms.js';

export interface ModerationModel {
  name: string;
  slug: string;
  version: number;
  status: 'pending' | 'verified' | 'suspended' | 'merged';
  suspendedReason: string | null;
  verifiedLine: string | null;
  canVerify: boolean;
  canSuspend: boolean;
  canMerge: boolean;
  suspendForm: FormModel;
  mergeForm: FormModel;
  history: Array<{ when: string; who: string; what: string; reason: string | null; changed: string | null }>;
}

/** Officials' page for one organisation: verify, suspend or merge a duplicate, with the history. */
export function OrganizationModerationPage({ model }: { model: ModerationModel }) {
  const { t } = useView();
  const k = (key: string) => t(`organizations.moderation.${key}`);
  const profile = `/organizacje/${model.slug}`;
  return (
    <Layout
      title={`${k('title')}: ${model.name}`}
      breadcrumbs={[
        { label: t('organizations.directory.title'), href: '/organizacje' },
        { label: model.name, href: profile },
        { label: k('title') },
      ]}
    >
      <h1>
        {k('title')}: {model.name}
      </h1>
      <ErrorSummary errors={[...model.suspendForm.errors, ...model.mergeForm.errors]} />
      <dl class="summary-list">
        <div class="summary-list__row">
          <dt>{k('status')}</dt>
          <dd>{t(`organizations.status.${model.status}`)}</dd>
        </div>
        {model.verifiedLine && (
          <div class="summary-list__row">
            <dt>{k('verified')}</dt>
            <dd>{model.verifiedLine}</dd>
          </div>
        )}
        {model.suspendedReason && (
          <div class="summary-list__row">
            <dt>{k('suspendedReason')}</dt>
            <dd>{model.suspendedReason}</dd>
          </div>
        )}
      </dl>

      {model.canVerify && (
        <section aria-labelledby="weryfikacja">
          <h2 id="weryfikacja">{k('verifyHeading')}</h2>
          <p>{k('verifyIntro')}</p>
          <Form action={`${profile}/weryfikacja`}>
            <input type="hidden" name="version" value={String(model.version)} />
            <Button type="submit" variant="primary">
              {t('organizations.profile.verify')}
            </Button>
          </Form>
        </section>
      )}

      {model.canSuspend && (
        <section aria-labelledby="zawieszenie">
          <h2 id="zawieszenie">{k('suspendHeading')}</h2>
          <p>{k('suspendIntro')}</p>
          <Form action={`${profile}/zawieszenie`}>
            <input type="hidden" name="version" value={String(model.version)} />
            <TextArea
              name="suspendReason"
              label={k('reason')}
              hint={k('reasonHint')}
              value={model.suspendForm.values.suspendReason}
              error={errorFor(model.suspendForm, 'suspendReason')}
              rows={3}
              maxLength={2000}
            />
            <Button type="submit" variant="warning">
              {k('suspend')}
            </Button>
          </Form>
        </section>
      )}

      {model.canMerge && (
        <section aria-labelledby="scalenie">
          <h2 id="scalenie">{k('mergeHeading')}</h2>
          <p>{k('mergeIntro')}</p>
          <Form action={`${profile}/scalenie`}>
            <input type="hidden" name="version" value={String(model.version)} />
            <TextField
              name="target"
              label={k('target')}
              hint={k('targetHint')}
              value={model.mergeForm.values.target}
              error={errorFor(model.mergeForm, 'target')}
            />
            <TextArea
              name="mergeReason"
              label={k('reason')}
              hint={k('mergeReasonHint')}
              value={model.mergeForm.values.mergeReason}
              error={errorFor(model.mergeForm, 'mergeReason')}
              rows={3}
              maxLength={2000}
            />
            <Button type="submit" variant="warning">
              {k('merge')}
            </Button>
          </Form>
        </section>
      )}

      <h2>{k('history')}</h2>
      {model.history.length === 0 ? (
        <p>{k('noHistory')}</p>
      ) : (
        <ul class="timeline">
          {model.history.map((h) => (
            <li class="timeline__item">
              <span>{h.when}</span>
              <span>
                {h.what} – {h.who}
                {h.changed && (
                  <>
                    <br />
                    {k('changedFields')}: {h.changed}
                  </>
                )}
                {h.reason && (
                  <>
                    <br />
                    {k('reason')}: {h.reason}
                  </>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
