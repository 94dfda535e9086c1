/**
 * The network kinds' terms of the memory estimate (estimate.ts has the formulas): each layer adds its
 * parameters (weights + gradients + optimiser slots) and its activations at the batch size, under the spec
 * field that sets its width; a SOM mask adds its SOM tables.
 */
import type { ExperimentSpec, SpecOf } from '../spec';
import { F32, somParts, type MemoryPart } from './parts';

export interface Widths {
  sample: readonly number[];
  features: number;
  classes: number;
}

interface Layer {
  field: string;
  /** Trainable numbers. */
  params: number;
  /** Activation floats per sample. */
  width: number;
}

type NetSpec = Exclude<ExperimentSpec, SpecOf<'som'> | SpecOf<'patch-som'> | SpecOf<'stacked-som'>>;

const SLOTS: Record<string, number> = { adam: 2, momentum: 1, sgd: 0 };
/** Rows the kWTA net evaluates its codes on at once (engine/models/kwta-mlp.ts EVAL). */
const KWTA_EVAL = 2000;

const dense = (field: string, from: number, to: number): Layer => ({ field, params: from * to + to, width: to });

/** Conv (same padding) then 2×2 pooling, as LeNet and the SOM-masked CNNs build them. */
function convStack(
  sample: readonly number[],
  layers: readonly { field: string; channels: number; kernel: number }[],
): { layers: Layer[]; flat: number; inputs: { field: string; dim: number; positions: number; patch: number }[] } {
  let [h = 1, w = 1, c = 1] = sample;
  const out: Layer[] = [],
    inputs: { field: string; dim: number; positions: number; patch: number }[] = [];
  for (const l of layers) {
    inputs.push({ field: l.field, dim: h * w * c, positions: h * w, patch: l.kernel * l.kernel * c });
    const conv = h * w * l.channels;
    h = Math.max(1, Math.floor(h / 2));
    w = Math.max(1, Math.floor(w / 2));
    out.push({
      field: l.field,
      params: l.kernel * l.kernel * c * l.channels + l.channels,
      width: conv + h * w * l.channels,
    });
    c = l.channels;
  }
  return { layers: out, flat: h * w * c, inputs };
}

function layersOf(spec: NetSpec, d: Widths): { layers: Layer[]; extra: MemoryPart[] } {
  const B = spec.batchSize,
    extra: MemoryPart[] = [];
  const chain = (first: number, widths: { field: string; n: number }[]): Layer[] => {
    let from = first;
    return widths.map((x) => {
      const l = dense(x.field, from, x.n);
      from = x.n;
      return l;
    });
  };
  switch (spec.kind) {
    case 'baseline-mlp':
      return {
        layers: chain(d.features, [
          ...spec.hidden.map((n) => ({ field: 'hidden', n })),
          { field: 'classes', n: d.classes },
        ]),
        extra,
      };
    case 'som-mask-mlp': {
      const widths = spec.hidden.map((g, i) => ({ field: `hidden[${i}]`, n: g.rows * g.cols }));
      let from = d.features;
      spec.hidden.forEach((g, i) => {
        if (g.mask) extra.push(...somParts(`hidden[${i}].rows × cols`, g.rows * g.cols, from, B));
        from = g.rows * g.cols;
      });
      return { layers: chain(d.features, [...widths, { field: 'classes', n: d.classes }]), extra };
    }
    case 'som-mask-cnn':
    case 'csom': {
      const conv = spec.conv.map((g, i) => ({ field: `conv[${i}]`, channels: g.rows * g.cols, kernel: g.kernel }));
      const s = convStack(d.sample, conv);
      spec.conv.forEach((g, i) => {
        if (!g.mask) return;
        const n = g.rows * g.cols,
          inp = s.inputs[i]!;
        const field = `conv[${i}].rows × cols`;
        if (spec.kind === 'som-mask-cnn') extra.push(...somParts(field, n, inp.dim, B));
        else {
          extra.push(...somParts(field, n, inp.patch, B));
          extra.push({
            field,
            what: `per-position mask: batch × ${inp.positions} × ${n}`,
            bytes: 3 * B * inp.positions * n * F32,
          });
        }
      });
      const head = chain(s.flat, [
        { field: 'dense', n: spec.dense },
        { field: 'classes', n: d.classes },
      ]);
      return { layers: [...s.layers, ...head], extra };
    }
    case 'baseline-cnn': {
      const conv = spec.filters.map((channels) => ({ field: 'filters', channels, kernel: spec.kernel }));
      const s = convStack(d.sample, conv);
      const head = chain(s.flat, [
        { field: 'dense', n: spec.dense },
        { field: 'classes', n: d.classes },
      ]);
      return { layers: [...s.layers, ...head], extra };
    }
    case 'kwta-mlp': {
      const k = spec.kwta;
      const out = k.loss === 'triplet' ? [] : [{ field: 'classes', n: d.classes }];
      const layers = chain(d.features, [
        { field: 'kwta.hidden', n: k.hidden },
        { field: 'kwta.codeSize', n: k.codeSize },
        ...out,
      ]);
      extra.push({
        field: 'kwta.codeSize',
        what: `evaluation codes ${KWTA_EVAL} × ${k.codeSize}`,
        bytes: 3 * KWTA_EVAL * k.codeSize * F32,
      });
      if (k.loss === 'triplet')
        extra.push({ field: 'batchSize', what: 'triplet distances batch²', bytes: 4 * B * B * F32 });
      return { layers, extra };
    }
    case 'soft-som': {
      const { hidden, rows, cols } = spec.softSom;
      const n = rows * cols;
      const layers = chain(d.features, [
        { field: 'softSom.hidden', n: hidden },
        { field: 'softSom.rows × cols', n },
        { field: 'classes', n: d.classes },
      ]);
      return { layers, extra: [{ field: 'softSom.rows × cols', what: 'grid distances n²', bytes: 3 * n * n * F32 }] };
    }
    case 'som-after-features':
      if (spec.features === 'none') return { layers: [], extra };
      return {
        layers: chain(d.features, [
          { field: 'featureSize', n: spec.featureSize },
          { field: 'classes', n: d.classes },
        ]),
        extra,
      };
  }
}

export function netParts(spec: NetSpec, d: Widths): MemoryPart[] {
  const { layers, extra } = layersOf(spec, d);
  const copies = 2 + (SLOTS[spec.optimizer] ?? 2);
  const byField = new Map<string, { params: number; width: number }>();
  for (const l of layers) {
    const f = byField.get(l.field) ?? { params: 0, width: 0 };
    byField.set(l.field, { params: f.params + l.params, width: f.width + l.width });
  }
  const parts: MemoryPart[] = [];
  for (const [field, { params, width }] of byField) {
    parts.push({
      field,
      what: `${params} parameters × ${copies} (weights, gradients, ${spec.optimizer})`,
      bytes: params * copies * F32,
    });
    parts.push({
      field,
      what: `activations: batch ${spec.batchSize} × ${width} floats × 3`,
      bytes: 3 * spec.batchSize * width * F32,
    });
  }
  return [...parts, ...extra];
}
