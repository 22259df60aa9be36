// What a notification says, in Chinese and English. Titles are frozen into the row when written.
import type { NotificationKind } from './notifier';

export type TitleFacts = { code: string; categoryZh: string; categoryEn: string };

const TITLES: Record<NotificationKind, (f: TitleFacts) => { zh: string; en: string }> = {
  dispatched: (f) => ({ zh: `【待处置】${f.code} ${f.categoryZh}：已派遣至本单位`, en: `To handle: ${f.code} (${f.categoryEn}) was dispatched to your unit` }),
  rework: (f) => ({ zh: `【返工】${f.code} ${f.categoryZh}：核查未通过，请重新整改`, en: `Rework: ${f.code} (${f.categoryEn}) failed its recheck` }),
  recheck_due: (f) => ({ zh: `【待核查】${f.code} ${f.categoryZh}：已整改，请到场核查`, en: `To recheck: ${f.code} (${f.categoryEn}) was rectified` }),
  confirm_due: (f) => ({ zh: `【待确认】${f.code} ${f.categoryZh}：网格员已马上办，请确认结案`, en: `To confirm: ${f.code} (${f.categoryEn}) was fixed on the spot` }),
  returned: (f) => ({ zh: `【退回】${f.code} ${f.categoryZh}：责任单位退回，请重新派遣`, en: `Returned: ${f.code} (${f.categoryEn}) came back from the unit; dispatch it again` }),
  supervised: (f) => ({ zh: `【督办】${f.code} ${f.categoryZh}：请尽快办理`, en: `Supervision: ${f.code} (${f.categoryEn}) needs action` }),
  overdue: (f) => ({ zh: `【超期】${f.code} ${f.categoryZh}：已超过处置时限`, en: `Overdue: ${f.code} (${f.categoryEn}) passed its deadline` }),
};

/** The two titles of a notification of `kind` about a case. */
export function notificationTitles(kind: NotificationKind, facts: TitleFacts): { zh: string; en: string } {
  return TITLES[kind](facts);
}
