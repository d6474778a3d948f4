/**
 * The rules of the minutes' workflow: which transition each state allows, when remarks are accepted
 * and who may leave them. Route levels (officials edit; any signed-in person may open the remarks
 * page) are checked by the kernel; these add the meeting-specific part and are unit-tested.
 */
import type { MinutesStatus } from '../../platform/db/schema.js';

export type MinutesAction = 'edit' | 'circulate' | 'approve' | 'publish';

/** Which transitions the current version's state allows (editing is always possible: it adds a version). */
export function allowedActions(status: MinutesStatus | null): MinutesAction[] {
  switch (status) {
    case null:
      return ['edit'];
    case 'draft':
      return ['edit', 'circulate', 'approve'];
    case 'circulated':
      return ['edit', 'circulate', 'approve'];
    case 'approved':
      return ['edit', 'publish'];
    case 'published':
      return ['edit'];
  }
}

export type RemarkWindow = 'open' | 'notCirculated' | 'closed';

/** Remarks are accepted while the minutes are circulated, up to and including the day named (Warsaw). */
export function remarkWindow(
  minutes: { status: MinutesStatus; remarks_until: string | null } | null | undefined,
  todayWarsaw: string,
): RemarkWindow {
  if (!minutes || minutes.status !== 'circulated' || !minutes.remarks_until) return 'notCirculated';
  return todayWarsaw <= minutes.remarks_until ? 'open' : 'closed';
}

/** Approving while the remarks period is still open needs the official's explicit confirmation. */
export function approvalNeedsConfirmation(
  minutes: { status: MinutesStatus; remarks_until: string | null },
  todayWarsaw: string,
): boolean {
  return remarkWindow(minutes, todayWarsaw) === 'open';
}

/** Only people registered for the meeting or checked in at it see the circulated minutes and remark on them; officials see them too. */
export function canSeeRemarksPage(actor: { isOfficial: boolean; isParticipant: boolean }): boolean {
  return actor.isOfficial || actor.isParticipant;
}

export function canRemark(actor: { isParticipant: boolean }): boolean {
  return actor.isParticipant;
}
