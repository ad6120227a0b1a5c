/**
 * The names a piece of a note's code uses and the names it declares, read from its ESTree (as
 * Sätteri's parser gives it): enough to tell that `{low}` names something the note never
 * defined, or that `{0,1}` is text that happens to parse as code, without running it. Scopes are flattened — a name bound anywhere in an expression
 * counts as bound throughout — which can miss a mistake but never invents one. Pure.
 */
import type { Program } from 'estree-jsx';

/** A node of the tree, seen only as far as this module needs. */
type Node = { readonly type: string; readonly [key: string]: unknown };

const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';

/** The children of `node`, with the key each is held under. */
function* children(node: Node): Generator<[string, Node]> {
  for (const [key, value] of Object.entries(node)) {
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) yield [key, item];
    } else if (isNode(value)) yield [key, value];
  }
}

/** The names a binding pattern (`x`, `{ a, b: [c] }`, `...rest`, `d = 1`) binds. */
function patternNames(pattern: Node, into: Set<string>): void {
  if (pattern.type === 'Identifier') into.add(pattern['name'] as string);
  else if (pattern.type === 'ObjectPattern')
    for (const [, property] of children(pattern)) patternNames(property.type === 'Property' ? (property['value'] as Node) : property, into);
  else if (pattern.type === 'ArrayPattern') for (const [, element] of children(pattern)) patternNames(element, into);
  else if (pattern.type === 'RestElement') patternNames(pattern['argument'] as Node, into);
  else if (pattern.type === 'AssignmentPattern') patternNames(pattern['left'] as Node, into);
}

/** Where an identifier is a name for a property or label, not a reference to a variable. */
function isNotReference(parent: Node, key: string): boolean {
  if (key === 'property' && parent.type === 'MemberExpression') return parent['computed'] !== true;
  if (key === 'key') return parent['computed'] !== true;
  return key === 'label' || parent.type === 'MetaProperty';
}

/** Walks `node`, gathering the names it references and the names it binds. */
function walk(node: Node, used: Set<string>, bound: Set<string>): void {
  switch (node.type) {
    case 'VariableDeclarator':
      patternNames(node['id'] as Node, bound);
      break;
    case 'FunctionDeclaration':
    case 'FunctionExpression':
    case 'ArrowFunctionExpression':
      for (const param of (node['params'] as Node[] | undefined) ?? []) patternNames(param, bound);
      if (isNode(node['id'])) patternNames(node['id'], bound);
      break;
    case 'ClassDeclaration':
    case 'ClassExpression':
      if (isNode(node['id'])) patternNames(node['id'], bound);
      break;
    case 'CatchClause':
      if (isNode(node['param'])) patternNames(node['param'], bound);
      break;
    case 'JSXOpeningElement': {
      // `<Foo />` refers to Foo; `<div>` names an element; `<a.B>` refers to a.
      let name = node['name'] as Node;
      while (name.type === 'JSXMemberExpression') name = name['object'] as Node;
      if (name.type === 'JSXIdentifier' && /^[A-Z]/.test(name['name'] as string)) used.add(name['name'] as string);
      break;
    }
  }
  for (const [key, child] of children(node)) {
    if (child.type === 'Identifier') {
      if (!isNotReference(node, key)) used.add(child['name'] as string);
    } else walk(child, used, bound);
  }
}

/** The names `program` refers to without defining them itself, sorted. */
export function freeNames(program: Program): string[] {
  const used = new Set<string>();
  const bound = new Set<string>();
  walk(program as unknown as Node, used, bound);
  return [...used].filter((name) => !bound.has(name)).sort();
}

/** The names the `import` and `export` statements of `program` declare. */
export function declaredNames(program: Program): string[] {
  const names = new Set<string>();
  for (const statement of program.body) {
    if (statement.type === 'ImportDeclaration') for (const specifier of statement.specifiers) names.add(specifier.local.name);
    else if (statement.type === 'ExportNamedDeclaration' && statement.declaration) {
      const declaration = statement.declaration as unknown as Node;
      if (declaration.type === 'VariableDeclaration')
        for (const [, declarator] of children(declaration)) patternNames(declarator['id'] as Node, names);
      else if (isNode(declaration['id'])) patternNames(declaration['id'], names);
    }
  }
  return [...names].sort();
}

/** What text that happens to parse as code is made of: literals and the operators between them. */
const PLAIN = new Set([
  'Program',
  'ExpressionStatement',
  'Literal',
  'SequenceExpression',
  'BinaryExpression',
  'UnaryExpression',
  'LogicalExpression',
  'ArrayExpression',
  'ConditionalExpression',
]);

/** True when `program` is only literals and operators (`{0,1}`, `{1-2}`): text in braces, not code written on purpose. */
export function isOnlyLiterals(program: Program): boolean {
  const plain = (node: Node): boolean => PLAIN.has(node.type) && [...children(node)].every(([, child]) => plain(child));
  return plain(program as unknown as Node);
}
