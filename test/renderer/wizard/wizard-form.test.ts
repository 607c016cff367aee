// The wizard's form logic: the shared schema as the form's resolver, the rule that spans two
// fields, and what the form hands to main (a validation request, a draft without secrets).
import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { emptyRegistryForm, type RegistryForm } from '../../../shared/model/registry-form';
import type { RegistryRecord } from '../../../shared/model/registry';
import {
  formFromRecord,
  toDraft,
  toValidationRequest,
  useWizardForm,
  validationKey,
} from '../../../renderer/src/features/wizard/wizard-form';

const basic: RegistryForm = {
  ...emptyRegistryForm('tenant'),
  name: 'harbor-packs',
  endpoint: 'https://harbor.corp.example',
  baseContentPath: 'palette',
  username: '  robot$packs ',
  password: 'pw-canary-1',
};

const ecr: RegistryForm = {
  ...emptyRegistryForm('system'),
  name: 'ecr-packs',
  type: 'ecr',
  endpoint: '123456789012.dkr.ecr.us-east-1.amazonaws.com',
  baseContentPath: 'production',
  awsMethod: 'sts',
  roleArn: 'arn:aws:iam::123456789012:role/palette-ecr',
  externalId: 'ext-id-1',
  // Typed on the Basic tab before switching to ECR: must not travel with an ECR request.
  password: 'pw-canary-2',
  secretAccessKey: 'aws-secret-canary',
};

describe('useWizardForm', () => {
  it('checks fields with the shared schema as the admin types', () => {
    const { result } = renderHook(() => useWizardForm(emptyRegistryForm()));
    act(() => result.current.setFieldValue('baseContentPath', 'palette/spectro-packs'));
    expect(result.current.errors.baseContentPath).toBe('Leave out "spectro-packs": Palette adds it itself.');
    act(() => result.current.setFieldValue('baseContentPath', 'palette'));
    expect(result.current.errors.baseContentPath).toBeUndefined();
  });

  it('checks the password again when the username it depends on changes', () => {
    const { result } = renderHook(() => useWizardForm(emptyRegistryForm()));
    act(() => result.current.setFieldValue('password', 'secret'));
    expect(result.current.errors.password).toBe('A password needs a username: enter the username too.');
    act(() => result.current.setFieldValue('username', 'alice'));
    expect(result.current.errors.password).toBeUndefined();
  });

  it('refuses a form that Palette would refuse, naming each field', () => {
    const { result } = renderHook(() => useWizardForm({ ...ecr, roleArn: 'arn:aws:iam::1:role/x', externalId: 'x' }));
    let hasErrors = false;
    act(() => {
      hasErrors = result.current.validate().hasErrors;
    });
    expect(hasErrors).toBe(true);
    expect(Object.keys(result.current.errors).sort()).toEqual(['externalId', 'roleArn']);
  });
});

describe('what the form hands to main', () => {
  it('a Basic validation request carries the trimmed username and the password, and no AWS part', () => {
    expect(toValidationRequest(basic)).toEqual({
      endpoint: 'https://harbor.corp.example',
      baseContentPath: 'palette',
      username: 'robot$packs',
      password: 'pw-canary-1',
      tls: { insecureSkipVerify: false },
    });
  });

  it('an ECR validation request carries the AWS part and never a Basic password left on the other tab', () => {
    const request = toValidationRequest(ecr);
    expect(request.password).toBe('');
    expect(request.username).toBe('');
    expect(request.ecr).toMatchObject({ isPrivate: true, method: 'sts', roleArn: ecr.roleArn, externalId: 'ext-id-1' });
  });

  it('a draft never holds a secret: that travels beside it, in registries:save', () => {
    for (const form of [basic, ecr]) {
      const draft = JSON.stringify(toDraft(form));
      expect(draft).not.toContain('canary');
    }
  });

  it('only edits that change the registry make an earlier validation stale', () => {
    expect(validationKey({ ...basic, name: 'renamed', scope: 'system' })).toBe(validationKey(basic));
    expect(validationKey({ ...basic, endpoint: 'https://other.corp.example' })).not.toBe(validationKey(basic));
    expect(validationKey({ ...basic, password: 'another' })).not.toBe(validationKey(basic));
  });

  it('editing a stored registry refills its fields but never a secret', () => {
    const record = {
      id: 'r1',
      name: 'ecr-packs',
      scope: 'system',
      type: 'ecr',
      endpoint: ecr.endpoint,
      baseContentPath: 'production',
      tls: { insecureSkipVerify: false },
      isPrivate: true,
      awsAuth: { method: 'sts', roleArn: ecr.roleArn, externalId: 'ext-id-1' },
    } as unknown as RegistryRecord;
    const form = formFromRecord(record);
    expect(form).toMatchObject({ name: 'ecr-packs', type: 'ecr', awsMethod: 'sts', roleArn: ecr.roleArn, externalId: 'ext-id-1' });
    expect(form.password).toBe('');
    expect(form.secretAccessKey).toBe('');
    expect(toDraft(form)).toMatchObject({ type: 'ecr', awsAuth: { method: 'sts', roleArn: ecr.roleArn, externalId: 'ext-id-1' } });
  });
});
