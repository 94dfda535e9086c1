/**
 * Editing a spec field that is a list of objects (one row of sub-fields per item): the shown items (the
 * field's default until the user edits it), adding and removing rows, and routing a row's sub-field edits.
 */
import { computed, type ComputedRef, type Ref } from 'vue';
import { newItem, setAt, type FieldInfo } from '../form/spec-form';

export interface FieldItems {
  items: ComputedRef<unknown[]>;
  add: () => void;
  remove: (i: number) => void;
  itemField: (i: number, f: FieldInfo) => FieldInfo;
  itemScope: ComputedRef<Record<string, unknown>>;
  itemUpdate: (path: string, v: unknown) => void;
}

export function useFieldItems(
  field: () => FieldInfo,
  value: Readonly<Ref<unknown>>,
  update: (list: unknown[]) => void,
): FieldItems {
  const items = computed<unknown[]>(() =>
    Array.isArray(value.value) ? value.value : Array.isArray(field().default) ? (field().default as unknown[]) : [],
  );
  function add(): void {
    update([...items.value, newItem(field(), items.value)]);
  }
  function remove(i: number): void {
    update(items.value.filter((_, k) => k !== i));
  }
  function itemField(i: number, f: FieldInfo): FieldInfo {
    return { ...f, path: `${field().path}.${i}.${f.key}` };
  }
  /** Item rows read from the shown list (the default until the user edits it), at the field's own path. */
  const itemScope = computed(() => {
    const o: Record<string, unknown> = {};
    setAt(o, field().path, items.value);
    return o;
  });
  function itemUpdate(path: string, v: unknown): void {
    // Edits of one item copy the whole list first, so editing a default list makes it explicit.
    const rel = path.slice(field().path.length + 1).split('.');
    const list = JSON.parse(JSON.stringify(items.value)) as Record<string, unknown>[];
    const [i, key] = [Number(rel[0]), rel[1]!];
    if (v === undefined) delete list[i]![key];
    else list[i]![key] = v;
    update(list);
  }
  return { items, add, remove, itemField, itemScope, itemUpdate };
}
