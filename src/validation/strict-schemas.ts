// Strict copies of the body schemas, for `{ strict: true }`: at every instance location (the body
// itself, each `properties/*`, `patternProperties/*`, `items`, `prefixItems/*` and `additionalProperties`
// subschema) an object that lists its properties, and says nothing itself about others, refuses
// the properties no applicable subschema evaluates: `unevaluatedProperties: false` beside the schema
// or reference there. Members of allOf/anyOf/oneOf and if/then/else, and the `$ref` targets they
// name, are never closed themselves (only what they contain), so compositions keep working: an
// allOf base with the branch's own properties, a tagged union, a nullable reference.
import { followRefs } from '../core/contract.js';
import { fragment, valueAtFragment } from '../core/json-pointer.js';

// Schemas are JSON of any shape.
type Json = any;

const isObject = (value: Json): value is Record<string, Json> => value !== null && typeof value === 'object' && !Array.isArray(value);

const STATES_EXTRAS = ['additionalProperties', 'unevaluatedProperties', 'patternProperties'];
const MEMBERS = ['allOf', 'anyOf', 'oneOf'] as const;
const BRANCHES = ['then', 'else'] as const;
const COMPONENT = /^#\/components\/schemas\/([^/]+)$/;

export interface StrictSchemas {
  /** A copy of the document with the strict copies under `$defs` (`strict <name>`, `strict body <name>`). */
  document: Json;
  /** The pointer of each body schema's strict check: the body's own pointer where strictness changes nothing. */
  bodies: Map<string, string>;
}

/** What a schema says about properties, read through references and same-location members. */
class PropertyFacts {
  constructor(private readonly document: Json) {}

  private target(node: Json): Json {
    return typeof node.$ref === 'string' ? followRefs(this.document, node.$ref).value : undefined;
  }

  /** The object at this location is the node, or what its references lead to: does it say anything about other properties? */
  statesExtras(node: Json, seen = new Set<Json>()): boolean {
    if (!isObject(node) || seen.has(node)) return false;
    seen.add(node);
    return STATES_EXTRAS.some((keyword) => keyword in node) || this.statesExtras(this.target(node), seen);
  }

  /** Every property is already evaluated or refused here, so `unevaluatedProperties: false` would change nothing. */
  settled(node: Json, seen = new Set<Json>()): boolean {
    if (!isObject(node) || seen.has(node)) return false;
    seen.add(node);
    if ('additionalProperties' in node || 'unevaluatedProperties' in node) return true;
    if (this.settled(this.target(node), seen)) return true;
    if ((node.allOf ?? []).some((member: Json) => this.settled(member, seen))) return true;
    return (['oneOf', 'anyOf'] as const).some((keyword) => Array.isArray(node[keyword]) && node[keyword].length > 0 && node[keyword].every((branch: Json) => this.settled(branch, new Set(seen))));
  }

  /** The node or an allOf member lists properties: a union's branches are then constraints, not shapes of their own. */
  listsOwnProperties(node: Json, seen = new Set<Json>()): boolean {
    if (!isObject(node) || seen.has(node)) return false;
    seen.add(node);
    return isObject(node.properties) || this.listsOwnProperties(this.target(node), seen) || (node.allOf ?? []).some((member: Json) => this.listsOwnProperties(member, seen));
  }

  /** Some schema applied at this location lists properties. */
  declaresProperties(node: Json, seen = new Set<Json>()): boolean {
    if (!isObject(node) || seen.has(node)) return false;
    seen.add(node);
    if (isObject(node.properties) || this.declaresProperties(this.target(node), seen)) return true;
    if (MEMBERS.some((keyword) => (node[keyword] ?? []).some((member: Json) => this.declaresProperties(member, seen)))) return true;
    return BRANCHES.some((keyword) => this.declaresProperties(node[keyword], seen));
  }

  /** A union branch that may be an object and lists no properties: a free-form shape, which strictness must not close. */
  private freeFormBranch(node: Json, seen = new Set<Json>()): boolean {
    if (!isObject(node) || seen.has(node)) return false;
    seen.add(node);
    const target = this.target(node);
    if (target !== undefined && this.freeFormBranch(target, seen)) return true;
    if ((node.allOf ?? []).some((member: Json) => this.freeFormBranch(member, seen))) return true;
    return (['oneOf', 'anyOf'] as const).some((keyword) =>
      (node[keyword] ?? []).some((branch: Json) => this.mayBeObject(branch) && !this.declaresProperties(branch) && !this.settled(branch)),
    );
  }

  private mayBeObject(node: Json): boolean {
    const schema = isObject(node) && typeof node.$ref === 'string' ? this.target(node) : node;
    if (schema === true || (isObject(schema) && Object.keys(schema).length === 0)) return true;
    if (!isObject(schema)) return false;
    if (schema.type !== undefined) return ([] as Json[]).concat(schema.type).includes('object');
    return !('const' in schema) && !Array.isArray(schema.enum) && !MEMBERS.some((keyword) => keyword in schema);
  }

  /** The object at this location should refuse what nothing evaluates. */
  closes(node: Json): boolean {
    if (!isObject(node) || this.statesExtras(node) || !this.declaresProperties(node) || this.settled(node)) return false;
    return this.listsOwnProperties(node) || !this.freeFormBranch(node);
  }
}

class StrictCopier {
  /** Pointers of the schemas whose strict copy differs from them. */
  readonly differs = new Set<string>();
  /** Every `$ref` target met in a strict context. */
  readonly targets = new Set<string>();
  private readonly facts: PropertyFacts;

  constructor(private readonly document: Json) {
    this.facts = new PropertyFacts(document);
  }

  /** The node with its instance locations made strict; the node itself (at this location) left as it is. */
  same(node: Json): { node: Json; changed: boolean } {
    if (!isObject(node)) return { node, changed: false };
    const copy: Json = { ...node };
    let changed = false;
    const take = (result: { node: Json; changed: boolean }) => {
      changed ||= result.changed;
      return result.node;
    };
    if (typeof node.$ref === 'string') {
      this.targets.add(node.$ref);
      if (this.differs.has(node.$ref)) {
        copy.$ref = strictPointer(node.$ref);
        changed = true;
      }
    }
    for (const keyword of MEMBERS) if (Array.isArray(node[keyword])) copy[keyword] = node[keyword].map((member: Json) => take(this.same(member)));
    for (const keyword of BRANCHES) if (isObject(node[keyword])) copy[keyword] = take(this.same(node[keyword]));
    for (const keyword of ['properties', 'patternProperties'] as const) {
      if (isObject(node[keyword])) copy[keyword] = Object.fromEntries(Object.entries(node[keyword]).map(([name, schema]) => [name, take(this.location(schema))]));
    }
    for (const keyword of ['items', 'additionalProperties'] as const) if (isObject(node[keyword])) copy[keyword] = take(this.location(node[keyword]));
    if (Array.isArray(node.prefixItems)) copy.prefixItems = node.prefixItems.map((item: Json) => take(this.location(item)));
    // A union told apart by a discriminator names its branches; they are the strict copies now.
    if (changed && isObject(node.discriminator?.mapping)) {
      const mapping = Object.fromEntries(Object.entries<string>(node.discriminator.mapping).map(([value, target]) => [value, this.differs.has(target) ? strictPointer(target) : target]));
      copy.discriminator = { ...node.discriminator, mapping };
    }
    return changed ? { node: copy, changed } : { node, changed };
  }

  /** The node at the start of an instance location: made strict inside, and closed there if it should be. */
  location(node: Json): { node: Json; changed: boolean } {
    const inner = this.same(node);
    if (!this.facts.closes(node)) return inner;
    return { node: { ...inner.node, unevaluatedProperties: false }, changed: true };
  }

  /** Finds which schemas differ once strict, until nothing more does (recursive schemas need several passes). */
  settle(bodies: string[]): void {
    for (let changed = true; changed; ) {
      changed = false;
      this.targets.clear();
      for (const body of bodies) this.location({ $ref: body });
      // Every target is walked, also those known to differ: walking is what finds the targets below them.
      for (const target of this.targets) {
        if (this.same(valueAtFragment(this.document, target)).changed && !this.differs.has(target)) {
          this.differs.add(target);
          changed = true;
        }
      }
    }
  }
}

/** `#/components/schemas/Rule` is named by `Rule`, any other schema by its pointer. */
function strictName(pointer: string): string {
  return COMPONENT.exec(pointer)?.[1] ?? pointer;
}

function strictPointer(pointer: string): string {
  return fragment('#', '$defs', `strict ${strictName(pointer)}`);
}

/**
 * A copy of `document` holding a strict copy of each schema that strictness changes, and for each of
 * `bodyPointers` (where a request or response body schema lives) the pointer of its strict check.
 */
export function addStrictSchemas(document: Json, bodyPointers: Iterable<string>): StrictSchemas {
  const bodies = [...new Set(bodyPointers)];
  const copier = new StrictCopier(document);
  copier.settle(bodies);
  const definitions: Record<string, Json> = {};
  for (const target of copier.differs) definitions[`strict ${strictName(target)}`] = copier.same(valueAtFragment(document, target)).node;
  const strictBodies = new Map<string, string>();
  for (const body of bodies) {
    const { node } = copier.location({ $ref: body });
    if (Object.keys(node).length === 1) {
      strictBodies.set(body, node.$ref);
    } else {
      definitions[`strict body ${strictName(body)}`] = node;
      strictBodies.set(body, fragment('#', '$defs', `strict body ${strictName(body)}`));
    }
  }
  if (document.$defs !== undefined) throw new Error('The document already has a root "$defs"; the strict schemas need that place.');
  return { document: { ...document, $defs: definitions }, bodies: strictBodies };
}
