// How many items each list field of the graph holds, for the operation cost: declared in the SDL
// with @listSize (the demand-control directive of Apollo Federation and IBM's GraphQL cost spec),
// read from the committed supergraph, which carries every subgraph's. A list field without one is
// taken to hold `guess` items.
import { Kind, parse, valueFromASTUntyped, type ConstDirectiveNode } from 'graphql';

export interface ListSize {
  /** the list holds at most this many (a list no argument slices: the stores of the retailer) */
  assumedSize?: number;
  /** the arguments whose value is the size (`first`), the first one given counts */
  slicingArguments?: string[];
  /** the fields of the returned object that the slicing argument sizes (a connection's `edges`); none: the field's own list */
  sizedFields?: string[];
}

export interface ListSizing {
  of(type: string, field: string): ListSize | undefined;
  /** every argument name some list is sliced by (`first`...): an operation's cost depends on the variables given to them only */
  slicingArguments: ReadonlySet<string>;
  /** the size of a list field that declares none */
  guess: number;
}

function listSizeOf(directive: ConstDirectiveNode): ListSize {
  const args = Object.fromEntries((directive.arguments ?? []).map((a) => [a.name.value, valueFromASTUntyped(a.value)]));
  const size: ListSize = {};
  if (typeof args.assumedSize === 'number') size.assumedSize = args.assumedSize;
  if (Array.isArray(args.slicingArguments)) size.slicingArguments = args.slicingArguments as string[];
  if (Array.isArray(args.sizedFields)) size.sizedFields = args.sizedFields as string[];
  return size;
}

export function listSizing(sdl: string, guess: number): ListSizing {
  const sizes = new Map<string, ListSize>();
  for (const definition of parse(sdl).definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.INTERFACE_TYPE_DEFINITION) continue;
    for (const field of definition.fields ?? []) {
      const directive = field.directives?.find((d) => d.name.value === 'listSize');
      if (directive) sizes.set(`${definition.name.value}.${field.name.value}`, listSizeOf(directive));
    }
  }
  const slicingArguments = new Set([...sizes.values()].flatMap((size) => size.slicingArguments ?? []));
  return { of: (type, field) => sizes.get(`${type}.${field}`), slicingArguments, guess };
}
