/** The closed table of panels: each name (`--panel`) prepares its drawing from a project's runs. */
import { PANELS, PanelRefSchema, type PanelName, type PanelRef, type PanelRefInput } from '../../shared/figure-spec';
import { parseWith } from '../../shared/validate';
import type { PreparedPanel } from './panel';
import { prepareCurves } from './panel-curves';
import { prepareFilmstrip, prepareMap, prepareTrace } from './panel-maps';
import { prepareBoundary, prepareReconstruction, prepareSdr } from './panel-model';
import { prepareFiring } from './panel-firing';
import { prepareRobustness } from './panel-robustness';
import type { FigureSource } from './source';

type Prepare = (src: FigureSource, ref: PanelRef) => Promise<PreparedPanel>;

const PREPARE: Record<PanelName, Prepare> = {
  codebook: (s, r) => prepareMap(s, r, 'codebook'),
  umatrix: (s, r) => prepareMap(s, r, 'umatrix'),
  hits: (s, r) => prepareMap(s, r, 'hits'),
  classes: (s, r) => prepareMap(s, r, 'classes'),
  trace: prepareTrace,
  loss: prepareCurves,
  accuracy: prepareCurves,
  qe: prepareCurves,
  te: prepareCurves,
  schedule: prepareCurves,
  'mask-sparsity': prepareCurves,
  'mask-strength': prepareCurves,
  sdr: prepareSdr,
  boundary: prepareBoundary,
  reconstruction: prepareReconstruction,
  filmstrip: prepareFilmstrip,
  firing: (s, r) => prepareFiring(s, r, 'firing'),
  'class-firing': (s, r) => prepareFiring(s, r, 'classFiring'),
  robustness: prepareRobustness,
};

export function preparePanel(src: FigureSource, input: PanelRefInput): Promise<PreparedPanel> {
  const ref = parseWith(PanelRefSchema, input, `panel ${JSON.stringify(input.panel)}`);
  if (!(PANELS as readonly string[]).includes(ref.panel)) throw new Error(`unknown panel ${ref.panel}`);
  return PREPARE[ref.panel](src, ref);
}
