// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { createFakeApi, type FakeApi } from '../api/fake-api.test-helper';
import { setApi } from '../api';
import { usePlaygroundStore } from './playground';
import { useLiveRunStore } from './live-run';

let fake: FakeApi;
beforeEach(() => {
  setActivePinia(createPinia());
  fake = createFakeApi({ project: { format: 'somlab-project', version: 1, name: 'p', created: '', dir: '/p' } });
  setApi(fake);
});

describe('playground store', () => {
  it('adds points of the current class, removes by index, drops the classes gone', () => {
    const pg = usePlaygroundStore();
    pg.add(0.1, 0.2);
    pg.current = 2;
    pg.classes = 3;
    pg.add(-0.5, 0.5);
    pg.current = 1;
    pg.add(0.3, -0.3);
    expect(pg.train).toEqual({
      points: [
        [0.1, 0.2],
        [-0.5, 0.5],
        [0.3, -0.3],
      ],
      labels: [0, 2, 1],
    });
    pg.remove(0);
    expect(pg.train.labels).toEqual([2, 1]);
    pg.setClasses(2);
    expect(pg.train).toEqual({ points: [[0.3, -0.3]], labels: [1] });
  });

  it('generates a set with its own test points; moons keep to two classes; an edit drops the test set', () => {
    const pg = usePlaygroundStore();
    pg.setClasses(3);
    pg.set = 'moons';
    pg.count = 60;
    pg.generate();
    expect([pg.classes, pg.train.points.length, pg.test?.points.length, pg.name]).toEqual([2, 60, 30, 'moons']);
    pg.add(0, 0);
    expect(pg.test).toBeNull();
  });

  it('Train starts one soft-som run through the Api with the points inline, and follows it', async () => {
    const pg = usePlaygroundStore();
    pg.set = 'circles';
    pg.count = 40;
    pg.generate();
    pg.variant = 'som-preprocess';
    await pg.start();
    expect(pg.error).toBeNull();
    const started = fake.calls.filter((c) => c.call === 'runs:start');
    expect(started).toHaveLength(1);
    const spec = started[0]!.args[0] as {
      kind: string;
      dataset: { source: string; points: unknown[] };
      softSom: object;
    };
    expect([spec.kind, spec.dataset.source, spec.dataset.points.length]).toEqual(['soft-som', 'inline', 40]);
    expect(spec.softSom).toEqual({ variant: 'som-preprocess' });
    expect(useLiveRunStore().selectedId).toBe(pg.runId);
  });

  it('a refused start is shown as the store error, not thrown', async () => {
    const pg = usePlaygroundStore();
    // A label the plane never makes, so the host's spec check refuses the start.
    pg.train = {
      points: [
        [0, 0],
        [0.5, 0],
      ],
      labels: [0, 5],
    };
    await pg.start();
    expect(pg.error).toMatch(/dataset\.labels\.1: expected a class index below classes \(2\), received 5/);
  });
});
