// Export all and Import drafts at scale, end to end in Chromium through the harness: what the
// window writes for 1,005 registries it reads back, and a thousand clashes open quickly and are
// answered with one choice for all of them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { manyRegistries, seedStore } from '../fixtures/registry-records';
import { useAppSession } from './app-session';
import { ExportDialogs } from './pages/export-dialogs';

const COUNT = 1_005;
/**
 * The old dialog (a radio group and a name field per clash) took 9.6 s to open 1,000 clashes on
 * an idle machine, and did not open within 30 s on a 2-core machine at load 18; this one opened in
 * 9.3 s there at load 27. The budget is for such a shared machine: the old dialog fails it.
 */
const OPEN_BUDGET_MS = 15_000;

const app = useAppSession();

describe('Export all and import, over 1,000 registries', () => {
  it('exports 1,005 registries as a draft file, reads it back, and answers every clash with one choice', async () => {
    const records = manyRegistries(COUNT);
    seedStore(app.dataDir, records);
    const { page } = await app.open();
    // A thousand registries on a shared 2-core machine: actions wait longer than the default 30 s.
    page.setDefaultTimeout(120_000);
    const dialogs = new ExportDialogs(page);

    await dialogs.exportAllButton().click();
    const exportDialog = dialogs.exportDialog('all 1,005 registries');
    await exportDialog.waitFor();
    await dialogs.format(exportDialog, 'Draft file').check();
    await expect.poll(() => dialogs.previewText(exportDialog), { timeout: 30_000 }).toContain('"registry-1004"');
    expect(await exportDialog.getByRole('alert').count()).toBe(0);
    const saved = join(app.dataDir, 'all.drafts.json');
    app.harness.fileSaver.nextSave({ canceled: false, path: saved });
    await dialogs.button(exportDialog, 'Save…').click();
    await dialogs
      .saveStatus(exportDialog)
      .filter({ hasText: `Saved to ${saved}` })
      .waitFor();
    expect((JSON.parse(readFileSync(saved, 'utf8')) as { registries: unknown[] }).registries).toHaveLength(COUNT);
    await dialogs.button(exportDialog, 'Done').click();

    // The same file back into the same store: every one of the 1,005 names clashes.
    app.harness.filePicker.nextPick({ canceled: false, path: saved });
    const started = Date.now();
    await dialogs.importButton().click();
    const dialog = dialogs.importDialog('all.drafts.json');
    await dialog.getByRole('button', { name: 'Import', exact: true, disabled: false }).waitFor();
    const openMs = Date.now() - started;
    console.log(`Import dialog with ${COUNT} clashes ready in ${openMs} ms`);
    expect(await dialog.getByRole('alert').count()).toBe(0);
    expect(await dialogs.conflictChoiceForAll(dialog, /^Skip them/).isChecked()).toBe(true);
    expect(await dialogs.conflictChoice(dialog, 'system', 'registry-0000').inputValue()).toBe('skip');

    await dialogs.conflictChoiceForAll(dialog, /^Replace the stored registries/).check();
    expect(await dialogs.conflictChoice(dialog, 'system', 'registry-0000').inputValue()).toBe('replace');
    await dialogs.conflictChoiceForAll(dialog, /^Skip them/).check();
    expect(await dialogs.conflictChoice(dialog, 'system', 'registry-0000').inputValue()).toBe('skip');
    const storedBefore = app.harness.services.registries.list();
    await dialogs.button(dialog, 'Import').click();
    const result = dialogs.importResult(dialog);
    await result.waitFor();
    expect((await result.innerText()).replace(/\s+/g, ' ')).toContain(`Imported 0 registries, skipped ${COUNT}.`);
    // Skipped: the same registries, none added, none changed.
    expect(app.harness.services.registries.list()).toEqual(storedBefore);
    expect(storedBefore).toHaveLength(COUNT);
    expect(openMs).toBeLessThan(OPEN_BUDGET_MS);
  }, 300_000);
});
