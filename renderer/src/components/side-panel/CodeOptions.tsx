import type { Code } from '../../../../shared/model/codebook';
import { codableOptions, withDepths } from './codebook-view';

/** The <option>s of the codes that can be applied, under an <optgroup> per top-level code. */
export function CodeOptions({ codes, exclude }: { codes: readonly Code[]; exclude?: ReadonlySet<string> }) {
  return codableOptions(codes, exclude).map(({ group, options }) => (
    <optgroup key={group.id} label={group.name}>
      {options.map(({ code, depth }) => (
        // Codes below the second level are indented under their parent.
        <option
          key={code.id}
          value={code.id}
        >{`${'\u2003'.repeat(Math.max(0, depth - 1))}${code.name}`}</option>
      ))}
    </optgroup>
  ));
}

/** The <option>s of every code, groups too, each indented by its depth: where a group means its codes. */
export function AllCodeOptions({ codes }: { codes: readonly Code[] }) {
  return withDepths(codes).map(({ code, depth }) => (
    <option key={code.id} value={code.id}>
      {`${'\u2003'.repeat(depth)}${code.name}`}
    </option>
  ));
}
