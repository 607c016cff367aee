import { useEffect, useState } from 'react';
import type { SecretStatus } from '../../../../../shared/model/secrets';
import { client } from '../../../api/client';
import { problemOf, type Problem } from '../../../api/problem';
import { formFromRecord, type WizardForm } from '../wizard-form';

export interface StoredRegistry {
  loading: boolean;
  originalName?: string;
  /** The stored secret of the registry's type, as main describes it (never its value). */
  secret?: SecretStatus;
  error?: Problem;
}

/** Edit mode: loads the stored registry into the form once; secrets are described, never refilled. */
export function useStoredRegistry(registryId: string | undefined, form: WizardForm): StoredRegistry {
  const [state, setState] = useState<StoredRegistry>({ loading: registryId !== undefined });
  useEffect(() => {
    if (!registryId) return;
    Promise.all([client.getRegistry({ id: registryId }), client.secretStatus({ registryId })]).then(
      ([detail, secrets]) => {
        form.setValues(formFromRecord(detail.record));
        form.resetDirty();
        setState({ loading: false, originalName: detail.record.name, secret: secrets.find((s) => s.stored) });
      },
      (error: unknown) => setState({ loading: false, error: problemOf(error) }),
    );
    // The form object is stable for the component's life; load once per registry.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [registryId]);
  return state;
}
