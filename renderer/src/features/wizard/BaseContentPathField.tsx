import { Text, TextInput } from '@mantine/core';
import { incompleteForPalette } from '../../../../shared/model/palette-rules';
import { normalizeBaseContentPath, sentAs } from '../../../../shared/model/registry-values';
import { SentAs } from './SentAs';
import type { WizardForm } from './wizard-form';

/**
 * Base Content Path, on both tabs. Palette requires it for a pack registry; an offline draft may
 * still be saved without it, and is then said to be incomplete rather than refused.
 */
export function BaseContentPathField({ form, description, placeholder }: { form: WizardForm; description: string; placeholder: string }) {
  const { baseContentPath } = form.getValues();
  const incomplete = incompleteForPalette({ baseContentPath });
  return (
    <div>
      <TextInput
        label="Base Content Path"
        description={description}
        placeholder={placeholder}
        withAsterisk
        spellCheck={false}
        {...form.getInputProps('baseContentPath')}
      />
      <SentAs field="Base Content Path" value={sentAs(baseContentPath, normalizeBaseContentPath(baseContentPath))} />
      {incomplete.length > 0 && (
        <Text size="xs" mt={4} role="status" aria-label="Incomplete for Palette">
          <strong>Incomplete for Palette:</strong> {incomplete.join(' ')} You can still save and validate this draft.
        </Text>
      )}
    </div>
  );
}
