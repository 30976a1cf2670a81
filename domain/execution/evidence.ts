// Evidence that closes an activity. The seeds' «Информационное сопровождение» column names what proves the
// work («Приказы о назначении ответственных», «Аналитическая справка», «Сайты МОУО и ОО», «Удостоверения о
// повышении квалификации»): it suggests which kinds of evidence an activity asks for. Closing always needs at
// least one piece of evidence of an accepted kind, and a comment when the programme or activity says so.

export const evidenceKinds = ['file', 'link', 'document'] as const;
export type EvidenceKind = (typeof evidenceKinds)[number];
export const evidenceKindLabels: Record<EvidenceKind, string> = {
  file: 'файл',
  link: 'ссылка',
  document: 'реквизиты приказа, протокола, письма',
};

export interface EvidenceRule {
  /** Any of these kinds closes the activity. */
  kinds: EvidenceKind[];
  commentRequired: boolean;
}

/** Largest evidence file accepted (bytes). */
export const evidenceFileLimit = 20 * 1024 * 1024;

// «СМИ» and «сети» as whole words: «Смирнова», «посетители» are not links.
const LINK =
  /(сайт|интернет|страниц|социальн|(?<![а-яё])сет[иь](?![а-яё])|(?<![а-яё])сми(?![а-яё])|публикац|ссылк|портал)/i;
const DOCUMENT = /(приказ|распоряжен|протокол|письм|постановлен|решени|положени)/i;
const FILE =
  /(справк|удостоверен|сертификат|программ|профил|отч[её]т|план|анализ|презентац|фото|материал|график|результат)/i;

/** The kinds of evidence the wording of «Информационное сопровождение» suggests; all kinds when it says nothing. */
export function suggestedEvidenceKinds(informationSupport: string): EvidenceKind[] {
  const kinds: EvidenceKind[] = [];
  if (FILE.test(informationSupport)) kinds.push('file');
  if (LINK.test(informationSupport)) kinds.push('link');
  if (DOCUMENT.test(informationSupport)) kinds.push('document', 'file');
  const unique = evidenceKinds.filter((k) => kinds.includes(k));
  return unique.length > 0 ? unique : [...evidenceKinds];
}

/** The rule in force: the activity's own, else the suggestion from its wording, with the programme's comment rule. */
export function evidenceRuleOf(
  own: Partial<EvidenceRule>,
  informationSupport: string,
  programmeCommentRequired: boolean,
): EvidenceRule {
  return {
    kinds: own.kinds && own.kinds.length > 0 ? own.kinds : suggestedEvidenceKinds(informationSupport),
    commentRequired: own.commentRequired ?? programmeCommentRequired,
  };
}

/** What stops an activity from being closed, in Russian; empty when it may be closed. */
export function closingProblems(
  rule: EvidenceRule,
  evidence: readonly { kind: EvidenceKind }[],
  comment: string,
): string[] {
  const problems: string[] = [];
  if (!evidence.some((e) => rule.kinds.includes(e.kind)))
    problems.push(
      `Чтобы отметить мероприятие выполненным, приложите подтверждение: ${rule.kinds.map((k) => evidenceKindLabels[k]).join(' или ')}.`,
    );
  if (rule.commentRequired && comment.trim() === '')
    problems.push('Для этого мероприятия нужен комментарий о результатах исполнения.');
  return problems;
}

/** A link must be an http(s) address: evidence is opened by others, so nothing else is accepted. */
export function isEvidenceUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}
