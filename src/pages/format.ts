/** How the pages say dates, durations, sizes and deliverables. */

const dateTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

const shortDateTime = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** "Tue, 13 May 2025, 09:30 UTC". */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${dateTime.format(d)} UTC`;
}

/** "13 May 2025, 09:30" (UTC), for tables. */
export function formatShortDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : shortDateTime.format(d);
}

/** "2 days 3 h", "7 h 59 min", "45 min", "less than a minute". */
export function formatDuration(seconds: number): string {
  if (seconds < 60) return 'less than a minute';
  const minutes = Math.floor(seconds / 60);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) return `${days} day${days === 1 ? '' : 's'}${hours ? ` ${hours} h` : ''}`;
  if (hours > 0) return `${hours} h${mins ? ` ${mins} min` : ''}`;
  return `${mins} min`;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  const [value, unit] = n < 1024 * 1024 ? [n / 1024, 'KB'] : [n / 1024 / 1024, 'MB'];
  return `${value.toFixed(1).replace(/\.0$/, '')} ${unit}`;
}

export const formatLabels: Record<string, string> = { markdown: 'Markdown', text: 'Text', docx: 'Word', pdf: 'PDF', pptx: 'PowerPoint' };

export const deliverableLabels: Record<string, string> = {
  roadmap: 'Roadmap',
  policy: 'Responsible AI policy',
  cost: 'Year-1 cost slide',
  combined: 'Several deliverables in one file',
  unknown: 'Not recognised as a deliverable',
};

export const statusLabels: Record<string, string> = {
  open: 'Not submitted',
  grading: 'Grading',
  prefilled: 'Ready for review',
  in_review: 'In review',
  confirmed: 'Confirmed',
};

export const decisionLabels: Record<string, string> = { advance: 'Advance', do_not_advance: 'Do not advance' };

/** "fix_later_with_prompts" → "Fix later with prompts". */
export function humanize(id: string): string {
  const s = id.replace(/_/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}
