// The styles part (word/styles.xml, ECMA-376 §17.7): what the reader needs from a paragraph or character style,
// following its basedOn chain — whether it makes a heading, makes text bold, or numbers the paragraph.
import { intOf, isOn, parseXml } from './wordml-xml.ts';

interface StyleDefinition {
  type: string;
  name: string;
  basedOn: string | undefined;
  bold: boolean | undefined;
  outlineLevel: number | undefined;
  numId: string | undefined;
  ilvl: number | undefined;
}

/** A paragraph style with its chain resolved. */
export interface ParagraphStyle {
  heading: boolean;
  bold: boolean | undefined;
  /** Heading level 0–8 for the navigation pane; 9 is body text. */
  outlineLevel: number | undefined;
  numId: string | undefined;
  ilvl: number | undefined;
}

/**
 * Names Word gives its heading styles in English and in a Russian Word (both as stored in the file, «heading 1»
 * or «Heading 1», and as shown in localised templates): «Заголовок 1», «Название».
 */
const headingName = /^(?:heading|заголовок)\s*[1-9]$|^(?:title|название|заголовок)$/;

/** Properties in these describe conditional table formatting or earlier revisions, not the style itself. */
const skipped = new Set([
  'w:tblStylePr',
  'w:pPrChange',
  'w:rPrChange',
  'w:tblPrChange',
  'w:trPrChange',
  'w:tcPrChange',
  'w:numberingChange',
]);

const noStyle: ParagraphStyle = {
  heading: false,
  bold: undefined,
  outlineLevel: undefined,
  numId: undefined,
  ilvl: undefined,
};

export class WordStyles {
  private readonly styles = new Map<string, StyleDefinition>();
  private defaultParagraph: string | undefined;
  private defaultCharacter: string | undefined;
  private defaultBold: boolean | undefined;
  private readonly paragraphs = new Map<string, ParagraphStyle>();
  private readonly runs = new Map<string, boolean | undefined>();

  constructor(xml: string | undefined) {
    if (xml !== undefined) this.read(xml);
  }

  private read(xml: string): void {
    const path: string[] = [];
    let style: (StyleDefinition & { id: string }) | null = null;
    let skipDepth = 0;
    parseXml(xml, {
      open: (name, a) => {
        if (skipDepth > 0 || skipped.has(name)) {
          skipDepth++;
          return;
        }
        const parent = path[path.length - 1];
        path.push(name);
        if (name === 'w:style') {
          style = {
            id: a['w:styleId'] ?? '',
            type: a['w:type'] ?? 'paragraph',
            name: '',
            basedOn: undefined,
            bold: undefined,
            outlineLevel: undefined,
            numId: undefined,
            ilvl: undefined,
          };
          if (isOn(a['w:default']) && a['w:default'] !== undefined) {
            if (style.type === 'paragraph') this.defaultParagraph ??= style.id;
            if (style.type === 'character') this.defaultCharacter ??= style.id;
          }
          return;
        }
        if (name === 'w:b' && parent === 'w:rPr' && path[path.length - 3] === 'w:rPrDefault') {
          this.defaultBold = isOn(a['w:val']);
          return;
        }
        const s = style as (StyleDefinition & { id: string }) | null;
        if (!s) return;
        if (parent === 'w:style') {
          if (name === 'w:name') s.name = (a['w:val'] ?? '').trim().toLowerCase();
          else if (name === 'w:basedOn') s.basedOn = a['w:val'];
        } else if (parent === 'w:rPr' && path[path.length - 3] === 'w:style') {
          if (name === 'w:b') s.bold = isOn(a['w:val']);
        } else if (parent === 'w:pPr' && path[path.length - 3] === 'w:style') {
          if (name === 'w:outlineLvl') s.outlineLevel = intOf(a['w:val']);
        } else if (parent === 'w:numPr') {
          if (name === 'w:numId') s.numId = a['w:val'];
          else if (name === 'w:ilvl') s.ilvl = intOf(a['w:val']);
        }
      },
      close: (name) => {
        if (skipDepth > 0) {
          skipDepth--;
          return;
        }
        path.pop();
        if (name === 'w:style' && style) {
          // The first definition wins, as in Word, when a crafted file repeats an id.
          if (!this.styles.has(style.id)) this.styles.set(style.id, style);
          style = null;
        }
      },
      text: () => {},
    });
  }

  /** The style and the styles it is based on, nearest first; stops at a loop or a missing style. */
  private chain(id: string | undefined): StyleDefinition[] {
    const out: StyleDefinition[] = [];
    const seen = new Set<string>();
    for (let at = id; at !== undefined && !seen.has(at) && out.length < 50; ) {
      seen.add(at);
      const s = this.styles.get(at);
      if (!s) break;
      out.push(s);
      at = s.basedOn;
    }
    return out;
  }

  /** A paragraph style by id (the default paragraph style when none is given). */
  paragraph(id: string | undefined): ParagraphStyle {
    const key = id ?? this.defaultParagraph;
    if (key === undefined) return noStyle;
    const cached = this.paragraphs.get(key);
    if (cached) return cached;
    const chain = this.chain(key);
    const first = <K extends keyof StyleDefinition>(k: K) => chain.find((s) => s[k] !== undefined)?.[k];
    const outlineLevel = first('outlineLevel') as number | undefined;
    const resolved: ParagraphStyle = {
      heading:
        (chain.length === 0 ? headingName.test(key.toLowerCase()) : chain.some((s) => headingName.test(s.name))) ||
        (outlineLevel !== undefined && outlineLevel >= 0 && outlineLevel <= 8),
      bold: first('bold') as boolean | undefined,
      outlineLevel,
      numId: first('numId') as string | undefined,
      ilvl: first('ilvl') as number | undefined,
    };
    this.paragraphs.set(key, resolved);
    return resolved;
  }

  /**
   * Whether a run is bold when it sets no w:b itself. Bold is a toggle property (ECMA-376 §17.7.3): within one
   * style's basedOn chain the nearest setting wins, but across the layers (document defaults, paragraph style,
   * character style) «on» flips what the layers below made and «off» leaves it — a character style «Strong» in a
   * bold heading shows as plain text, as in Word.
   */
  runBold(paragraphStyle: string | undefined, runStyle: string | undefined): boolean {
    const key = `${paragraphStyle ?? ''}\u0000${runStyle ?? ''}`;
    const cached = this.runs.get(key);
    if (cached !== undefined) return cached;
    const fromRun = this.chain(runStyle ?? this.defaultCharacter).find((s) => s.bold !== undefined)?.bold;
    const layers = [this.defaultBold, this.paragraph(paragraphStyle).bold, fromRun];
    const bold = layers.reduce<boolean>((on, layer) => (layer === true ? !on : on), false);
    this.runs.set(key, bold);
    return bold;
  }

  /** The num a numbering style (w:numStyleLink) stands for. */
  numIdOf(id: string): string | undefined {
    return this.chain(id).find((s) => s.numId !== undefined)?.numId;
  }
}
