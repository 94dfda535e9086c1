import { describe, expect, it } from 'vitest';
import { parseSpec } from '../../../shared/validate';
import { findPreset } from '../../../shared/presets';
import { runReference } from './reference';

const colours = parseSpec({ ...findPreset('seed004-colors').spec, preset: 'seed004-colors' });

describe('run reference badge', () => {
  it('not yet while running; reproduced or not from the final metrics', () => {
    expect(runReference(colours, 'running', {})?.standing).toBe('not yet');
    expect(runReference(colours, 'finished', { te: 0.02 })?.standing).toBe('reproduced');
    expect(runReference(colours, 'finished', { te: 0.5 })?.standing).toBe('not reproduced');
  });
  it('sweeps judged by ordering point to the sweep', () => {
    const p = findPreset('seed000-som-cnn');
    const spec = parseSpec({ ...p.spec, preset: p.name, name: `${p.name} / SOM-CNN` });
    expect(runReference(spec, 'finished', { testAccuracy: 0.99 })?.standing).toBe('see sweep');
  });
  it('no preset, no badge', () => {
    expect(runReference(parseSpec({ ...findPreset('seed004-colors').spec }), 'finished', {})).toBeNull();
  });
});
