/// <reference lib="dom" />
/**
 * Issue 9, item 4: the lab server stops and comes back with a new token while a tab is open. While it is
 * down the tab says so and keeps trying; once a server with another token answers, the tab stops retrying
 * and tells the user to open the new URL.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { startLabServer, type LabServer } from '../src/server/lab-server';
import { noChromium, RENDERER, shot, useLab } from './helpers';

describe.skipIf(noChromium)('lab server restart with an open tab', () => {
  const l = useLab();
  let second: LabServer | undefined;
  afterAll(async () => {
    await second?.close();
  });

  it('shows "not answering" while down, then asks for the new URL instead of retrying forever', async () => {
    const { page, lab, project } = l;
    await page.getByRole('button', { name: 'Runs', exact: true }).waitFor();
    const port = Number(new URL(lab.url).port);
    await lab.close();
    const banner = page.locator('.banner');
    await expect.poll(() => banner.textContent(), { timeout: 20_000 }).toMatch(/not answering/);

    second = await startLabServer({ rendererDir: RENDERER, project, dataRoots: [], port });
    expect(second.token).not.toBe(lab.token);
    const alert = page.getByRole('alert');
    await expect
      .poll(() => alert.textContent(), { timeout: 30_000 })
      .toMatch(/restarted with a new access token: open the new URL it printed/);
    await shot(page, 'restart-new-token');
    // Opening the new URL brings the tab back.
    await page.goto(second.url);
    await page.getByRole('button', { name: 'Runs', exact: true }).waitFor();
    await expect.poll(() => page.locator('.banner').count(), { timeout: 20_000 }).toBe(0);
  });
});
