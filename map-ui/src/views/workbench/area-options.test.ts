// The area filter lists the hierarchy in tree order, whatever order the API sent it in.
import { describe, expect, it } from 'vitest';
import { areaOptions } from './area-options';

describe('areaOptions', () => {
  it('puts each area under its parent, siblings by code, with its depth', () => {
    const areas = [
      { id: 5, code: 'S2', name: '东街道', parent_id: 1 },
      { id: 1, code: 'D', name: '区', parent_id: null },
      { id: 3, code: 'C1', name: '西一社区', parent_id: 2 },
      { id: 2, code: 'S1', name: '西街道', parent_id: 1 },
    ];
    expect(areaOptions(areas).map((o) => `${o.depth}:${o.code}`)).toEqual(['0:D', '1:S1', '2:C1', '1:S2']);
  });

  it('starts a tree at an area whose parent is outside the list (a dispatcher sees only their street)', () => {
    expect(areaOptions([{ id: 9, code: 'G1', name: '网格', parent_id: 8 }, { id: 8, code: 'C1', name: '社区', parent_id: 2 }])).toEqual([
      { code: 'C1', name: '社区', depth: 0 },
      { code: 'G1', name: '网格', depth: 1 },
    ]);
    expect(areaOptions([])).toEqual([]);
  });
});
