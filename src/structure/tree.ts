import type { Line } from '../normalize/lines.js';
import type { Mapped } from '../text/mapped.js';
import type { Block, ParagraphBlock, TableBlock } from './blocks.js';
import { headingKind, type SectionKind } from './kinds.js';
import type { Marker } from './markers.js';

export interface SectionNode {
  /** null for the root of a zone. */
  marker: Marker | null;
  heading: Mapped;
  lines: Line[];
  /** The kind the heading itself names ("NHIỆM VỤ" → tasks), if any. */
  ownKind: SectionKind | null;
  /** ownKind, or the parent's kind. */
  kind: SectionKind;
  /** The title was recognized despite a typo ("THỤC HIỆN" folds away; "TỔ CHỨC THỰC HIÊN" needs this). */
  fuzzyTitle: boolean;
  children: SectionNode[];
  /** Paragraphs and tables directly under this node, in order. */
  content: (ParagraphBlock | TableBlock)[];
  parent: SectionNode | null;
  /** Everything under the node, in document order: for its position. */
  lastLine: Line | null;
}

// Fixed ranks: a Roman part never sits under "1.", "1." never under "1.1.". Capital letters
// sit under Roman parts ("I. …" / "A. …"), unless they come first: then "A. MỤC ĐÍCH" /
// "I. Mục đích" makes them the parts (`lettersOver`).
function rank(m: Marker, lettersOver = false): number | null {
  switch (m.style) {
    case 'annex':
      return 0;
    case 'part':
      return 1;
    case 'roman':
      return 2;
    case 'upper':
      return lettersOver ? 1 : 3;
    case 'decimal':
      return 3 + m.depth;
    default:
      return null;
  }
}

function isFirst(m: Marker): boolean {
  const last = m.ordinal[m.ordinal.length - 1];
  return m.style !== 'bullet' && last === 1;
}

function sameStyle(a: Marker, b: Marker): boolean {
  if (a.style !== b.style) return false;
  if (a.style === 'decimal') return a.depth === b.depth;
  if (a.style === 'bullet') return a.numbering === b.numbering;
  return true;
}

const SENTENCE_END = /(?:[.;!?…]|\.\/\.)["”’)]*$/;
// "Thời gian hoàn thành: …", "Cơ quan chủ trì: …": a line that states a field of the item above,
// maybe behind an arrow ("=> Đơn vị chủ trì: …").
const FIELD_LABEL = /^(?:(?:=>|->|→|⇒|>>)\s*)?(?:thời gian(?: thực hiện| hoàn thành)?|thời hạn(?: hoàn thành)?|tiến độ|(?:cơ quan |đơn vị )?chủ trì|(?:cơ quan |đơn vị )?phối hợp|sản phẩm(?: đầu ra)?|kết quả(?: đầu ra)?)\s*:/iu;

/** Headings that may name a section kind: parts always; numbered items when short. */
function mayNameKind(m: Marker, heading: string): boolean {
  if (m.style === 'roman' || m.style === 'part' || m.style === 'upper' || m.style === 'annex') return true;
  if (m.style === 'bullet' || m.style === 'paren') return false;
  const title = heading.split(':')[0]!;
  return title.trim().split(/\s+/).length <= 10;
}

export function newNode(marker: Marker | null, heading: Mapped, lines: Line[], parent: SectionNode | null): SectionNode {
  const node: SectionNode = {
    marker,
    heading,
    lines,
    ownKind: null,
    kind: parent?.kind ?? 'other',
    fuzzyTitle: false,
    children: [],
    content: [],
    parent,
    lastLine: lines[lines.length - 1] ?? null,
  };
  if (marker && mayNameKind(marker, heading.text)) {
    const k = headingKind(heading.text);
    if (k) {
      node.ownKind = k.kind;
      node.kind = k.kind;
      node.fuzzyTitle = k.fuzzy;
    }
  }
  return node;
}

function touch(node: SectionNode | null, line: Line | undefined): void {
  for (let n = node; n && line; n = n.parent) {
    if (!n.lastLine || n.lastLine.index < line.index) n.lastLine = line;
  }
}

/**
 * Build the outline of a zone. The nesting of numbering styles is learned as
 * the text goes, the way reStructuredText learns its heading adornments: a
 * style already open is a sibling, a new style nests one level deeper; Roman
 * parts, "1." and "1.1." keep their fixed order, and nothing nests under a
 * bullet except another kind of bullet.
 */
export function buildTree(blocks: readonly Block[], root: SectionNode): SectionNode {
  const stack: SectionNode[] = [root];
  const top = () => stack[stack.length - 1]!;
  const firstPart = blocks.find((b) => b.type === 'item' && (b.marker.style === 'upper' || b.marker.style === 'roman'));
  const lettersOver = firstPart?.type === 'item' && firstPart.marker.style === 'upper';
  for (let k = 0; k < blocks.length; k++) {
    const block = blocks[k]!;
    if (block.type === 'item') {
      const m = block.marker;
      if (m.style !== 'bullet') {
        while (stack.length > 1 && top().marker!.style === 'bullet') stack.pop();
      }
      // "*   Phát triển kinh tế số:" over "    *   Xây dựng …": a bullet that opens a list, and
      // bullets further in under it, are its items, whatever their marks.
      const indent = block.lines[0]?.indent ?? 0;
      // Back out of such a list when a bullet comes further out again.
      if (m.style === 'bullet') while (stack.length > 2 && top().marker?.style === 'bullet' && top().parent?.marker?.style === 'bullet' && (top().lines[0]?.indent ?? 0) >= indent + 2) stack.pop();
      const above = top();
      const open = (parent: SectionNode) => {
        const node = newNode(m, block.text, block.lines, parent);
        parent.children.push(node);
        stack.push(node);
        touch(node, block.lines[block.lines.length - 1]);
      };
      if (m.style === 'bullet' && above.marker?.style === 'bullet' && /:\s*$/.test(above.heading.text) && indent >= (above.lines[0]?.indent ?? 0) + 2) {
        open(above);
        continue;
      }
      let same = -1;
      for (let i = stack.length - 1; i > 0; i--) if (sameStyle(stack[i]!.marker!, m)) {
        same = i;
        break;
      }
      // "2. Chỉ tiêu cụ thể" / "1. Tỷ lệ …" / "2. Tỷ lệ …": numbering that starts again at 1
      // under a heading (no sentence of its own) is a list inside it, not its sibling.
      const sibling = same > 0 ? stack[same]! : null;
      const restarts = sibling !== null && isFirst(m) && !isFirst(sibling.marker!) && sibling.children.length === 0 && !SENTENCE_END.test(sibling.heading.text);
      if (restarts) stack.length = same + 1;
      else if (same > 0) stack.length = same;
      else if (rank(m, lettersOver) !== null) {
        while (stack.length > 1) {
          const r = rank(top().marker!, lettersOver);
          if (r === null || r < rank(m, lettersOver)!) break;
          stack.pop();
        }
      }
      open(top());
      continue;
    }
    // A paragraph after an item that ended its sentence (or its chat message) is not the item's: it belongs one
    // level up ("1.2. … đất nước." / "Nhiệm vụ năm 2026 …" goes to "1."; after bullets, to
    // their heading). A paragraph that closes the zone ("Trong quá trình tổ chức thực hiện,
    // …" after the last item) belongs to the top-level section.
    let holder = top();
    const statesField = block.type === 'paragraph' && FIELD_LABEL.test(block.text.text);
    if (block.type === 'paragraph' && !statesField && holder.marker && holder.children.length === 0 && holder.content.length === 0 && (SENTENCE_END.test(holder.heading.text) || holder.lines.at(-1)?.messageEnd) && stack.length > 1) {
      const closing = blocks.slice(k + 1).every((b) => b.type === 'paragraph');
      if (closing) stack.length = Math.min(stack.length, 2);
      else {
        while (stack.length > 2 && top().marker!.style === 'bullet') stack.pop();
        if (top().marker!.style !== 'bullet' && top() === holder && stack.length > 1) stack.pop();
      }
      holder = top();
    }
    holder.content.push(block);
    touch(holder, block.lines[block.lines.length - 1]);
  }
  flattenParts(root);
  return root;
}

/**
 * "PHẦN I" / "MỤC ĐÍCH, YÊU CẦU VÀ MỤC TIÊU" over "I. MỤC ĐÍCH, YÊU CẦU" and
 * "II. MỤC TIÊU": parts that group Roman-numbered parts are not sections of
 * their own; the Roman parts are the plan's top level, as in plans without
 * them (their numbering runs on across the groups). A part with no Roman parts
 * under it stays a section.
 */
function flattenParts(root: SectionNode): void {
  if (!root.children.some((c) => c.marker?.style === 'part' && c.children.some((g) => g.marker?.style === 'roman'))) return;
  const children: SectionNode[] = [];
  for (const c of root.children) {
    if (c.marker?.style !== 'part' || !c.children.some((g) => g.marker?.style === 'roman')) {
      children.push(c);
      continue;
    }
    const promoted = c.children;
    for (const g of promoted) {
      g.parent = root;
      inheritKind(g, root.kind);
    }
    // The part's own paragraphs go to the Roman part they follow (or, before the first, to the root).
    for (const block of c.content) {
      const first = block.lines[0]!.index;
      const holder = [...promoted].reverse().find((g) => g.lines[0]!.index < first) ?? root;
      holder.content.push(block);
      holder.content.sort((x, y) => x.lines[0]!.index - y.lines[0]!.index);
    }
    children.push(...promoted);
  }
  root.children = children;
}

function inheritKind(node: SectionNode, parentKind: SectionKind): void {
  node.kind = node.ownKind ?? parentKind;
  for (const c of node.children) inheritKind(c, node.kind);
}
