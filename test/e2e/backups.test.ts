import { describe, expect, it } from 'vitest';
import { screenshot, watchErrors } from '../helpers/browser.ts';
import { servedApp } from '../helpers/app.ts';

/** Backups from the window: take one, change the catalogue, put the backup back, undo is kept. */
describe('the backups panel in settings', () => {
  const app = servedApp();
  const rpc = async (method: string, input: unknown) => {
    const res = await app.rpc(method, input);
    return (await res.json()) as { ok: boolean; value: Record<string, unknown>; error?: { code: string } };
  };

  it('backs up, restores, and keeps the state before the restore', async () => {
    const page = await app.browser.newPage({ locale: 'en-GB' });
    page.setDefaultTimeout(30_000);
    const errors = watchErrors(page);
    await page.goto(new URL('settings', app.server.url).href);
    const panel = page.getByTestId('backups-panel');
    await panel.getByText('No backups yet.').waitFor();
    await panel.getByRole('button', { name: 'Back up now' }).click();
    await panel.getByText('Backup taken.').waitFor();
    await panel.getByRole('cell', { name: 'by hand' }).waitFor();

    const created = await rpc('enterprise-create', { name: 'Made after the backup', solidarity: true });
    expect(created.ok).toBe(true);
    const id = created.value.id as string;

    await panel.getByRole('button', { name: 'Restore' }).click();
    await panel.getByText(/Put the catalogue back as it was on/).waitFor();
    await screenshot(page, 'backups-confirm');
    await panel.getByRole('button', { name: 'Restore it' }).click();
    await panel.getByText(/^Restored\. The state before the restore was kept/).waitFor();
    expect((await rpc('enterprise-get', { id })).error?.code).toBe('not-found');
    await panel.getByRole('cell', { name: 'before a restore' }).waitFor();
    await screenshot(page, 'backups-restored');
    expect(errors).toEqual([]);
  });
});
