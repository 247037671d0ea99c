/**
 * The county-level units of Yiyang by the administrative division code an ID number starts with
 * (GB/T 2260; the first 6 digits name where the number was first issued). The registration form
 * suggests that county's team; the person may pick any other. 大通湖区 and 益阳高新区 are
 * management zones without a code of their own: their people carry a neighbouring county's code.
 */
import type { TeamNode } from './api'

export const YIYANG_COUNTIES: Readonly<Record<string, string>> = {
  '430902': '资阳区',
  '430903': '赫山区',
  '430921': '南县',
  '430922': '桃江县',
  '430923': '安化县',
  '430981': '沅江市',
}

/** The county an ID number was issued in, when it is one of Yiyang's. */
export function countyOf(idNumber: string): string | null {
  return YIYANG_COUNTIES[idNumber.slice(0, 6)] ?? null
}

/**
 * The county team (kind `county`) whose name starts with the county of the ID number, or null when
 * the number is from elsewhere or no such team exists yet. Team ids are data, so the match is by name.
 */
export function suggestedTeam(idNumber: string, teams: readonly TeamNode[]): TeamNode | null {
  const county = countyOf(idNumber)
  if (!county) return null
  return teams.find((t) => t.kind === 'county' && t.name.startsWith(county)) ?? null
}
