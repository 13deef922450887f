/** A data table's header opens with its number column's label (a loose key): "| STT | Chỉ tiêu | …", "<th>TT</th>". */
export const NUMBER_LABEL = /^(?:stt|tt|so tt|so thu tu)$/;
