/**
 * The new-run form's draft spec and what parseSpec says of it: the draft, its kind's field groups, every
 * message by path, and the messages that have no field of their own on the form.
 */
import { computed, ref, type ComputedRef, type Ref } from 'vue';
import { KINDS, formGroups, setAt, specIssues, starterSpec, switchKind, type FieldGroup } from '../form/spec-form';

export type ErrorsAt = (path: string, deep?: boolean) => string[];

export interface SpecDraft {
  draft: Ref<Record<string, unknown>>;
  kind: ComputedRef<string>;
  groups: ComputedRef<FieldGroup[]>;
  issues: ComputedRef<Map<string, string[]>>;
  orphanIssues: ComputedRef<[path: string, messages: string[]][]>;
  errorsAt: ErrorsAt;
  update: (path: string, value: unknown) => void;
  setKind: (kind: string) => void;
  /** A copy of a spec (a preset's, another run's) becomes the draft. */
  replace: (spec: unknown, extra?: Record<string, unknown>) => void;
}

const copy = (v: unknown): Record<string, unknown> => JSON.parse(JSON.stringify(v)) as Record<string, unknown>;

export function useSpecDraft(): SpecDraft {
  const draft = ref<Record<string, unknown>>(starterSpec('som'));
  const kind = computed(() => String(draft.value.kind ?? 'som'));
  const groups = computed(() => (KINDS.includes(kind.value) ? formGroups(kind.value) : []));
  const issues = computed(() => specIssues(draft.value));
  const fieldPaths = computed(() => new Set(groups.value.flatMap((g) => g.fields.map((f) => f.path))));

  const errorsAt: ErrorsAt = (path, deep = false) => {
    if (!deep) return issues.value.get(path) ?? [];
    return [...issues.value]
      .filter(([p]) => p === path || p.startsWith(`${path}.`))
      .flatMap(([p, m]) => (p === path ? m : m.map((x) => `${p.slice(path.length + 1)}: ${x}`)));
  };
  /** 'hidden.1.rows' belongs to the list field 'hidden' (shown inside its item row). */
  const isItemPath = (p: string): boolean => [...fieldPaths.value].some((f) => p.startsWith(`${f}.`));
  /** Messages with no field of their own on the form (the root, a missing object, an unknown kind). */
  const orphanIssues = computed(() =>
    [...issues.value].filter(([p]) => !fieldPaths.value.has(p) && !isItemPath(p) && !p.startsWith('dataset')),
  );

  function update(path: string, value: unknown): void {
    const next = copy(draft.value);
    setAt(next, path, value);
    draft.value = next;
  }
  const setKind = (k: string): void => void (draft.value = switchKind(draft.value, k));
  const replace = (spec: unknown, extra: Record<string, unknown> = {}): void =>
    void (draft.value = { ...copy(spec), ...extra });
  return { draft, kind, groups, issues, orphanIssues, errorsAt, update, setKind, replace };
}
