/**
 * How a name and an ID number are typed wherever a volunteer form asks for them (注册, 代为注册, 申诉,
 * 激活), so their length limits and keyboards stay the same everywhere.
 */
export const NAME_INPUT = { placeholder: '与身份证一致', maxlength: 20 }
export const ID_NUMBER_INPUT = { type: 'idcard', placeholder: '18 位身份证号', maxlength: 18 } as const
