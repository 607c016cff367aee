// Each field's limit is said once, and every schema that carries the field
// (the form, drafts, the validation request, the ECR request) holds the same line.
import { describe, expect, it } from 'vitest';
import { scopedNameKey } from '../../../../main/services/store/registry-names';
import { EcrValidationSchema } from '../../../../shared/model/ecr-validation';
import { RegistryDraftSchema } from '../../../../shared/model/registry-draft';
import { emptyRegistryForm, RegistryFormSchema } from '../../../../shared/model/registry-form';
import { FIELD_LIMITS } from '../../../../shared/model/text-fields';
import { ValidationRequestSchema } from '../../../../shared/model/validation';

const draft = { type: 'basic', name: 'n', scope: 'system', endpoint: 'https://h.example.test', baseContentPath: 'p', username: 'u' };
const request = { endpoint: 'https://h.example.test', tls: {}, proxy: {} };
const form = { ...emptyRegistryForm(), name: 'n', endpoint: 'https://h.example.test' };
const ok = (schema: { safeParse(v: unknown): { success: boolean } }, value: unknown) => schema.safeParse(value).success;

describe('field limits', () => {
  it.each(['baseContentPath', 'username'] as const)('%s: the form, the draft and the validation request agree', (field) => {
    const at = 'a'.repeat(FIELD_LIMITS[field]);
    const over = `${at}a`;
    expect([ok(RegistryFormSchema, { ...form, [field]: at }), ok(RegistryDraftSchema, { ...draft, [field]: at })]).toEqual([true, true]);
    expect(ok(ValidationRequestSchema, { ...request, [field]: at })).toBe(true);
    expect([ok(RegistryFormSchema, { ...form, [field]: over }), ok(RegistryDraftSchema, { ...draft, [field]: over })]).toEqual([
      false,
      false,
    ]);
    expect(ok(ValidationRequestSchema, { ...request, [field]: over })).toBe(false);
  });

  it.each(['roleArn', 'externalId', 'accessKeyId'] as const)('%s: the ECR request holds the form’s limit', (field) => {
    expect(ok(EcrValidationSchema, { [field]: 'a'.repeat(FIELD_LIMITS[field]) })).toBe(true);
    expect(ok(EcrValidationSchema, { [field]: 'a'.repeat(FIELD_LIMITS[field] + 1) })).toBe(false);
  });

  it('the name: one limit, one message', () => {
    const result = RegistryDraftSchema.safeParse({ ...draft, name: 'a'.repeat(FIELD_LIMITS.name + 1) });
    expect(result.error?.issues[0]?.message).toBe(`Use at most ${FIELD_LIMITS.name} characters.`);
  });
});

describe('the key a name is unique by', () => {
  it('is the scope and the name as a person reads it', () => {
    expect(scopedNameKey({ scope: 'system', name: 'Harbor ' })).toBe(scopedNameKey({ scope: 'system', name: 'harbor' }));
    expect(scopedNameKey({ scope: 'system', name: 'harbor' })).not.toBe(scopedNameKey({ scope: 'tenant', name: 'harbor' }));
  });
});
