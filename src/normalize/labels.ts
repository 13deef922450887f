/** A data table's header opens with its number column's label (a loose key): "| STT | Chỉ tiêu | …", "<th>TT</th>". */
export const NUMBER_LABEL = /^(?:stt|tt|so tt|so thu tu)$/;
/** A row's number alone in its cell or on its line: "12", "2.1", "III", "B.", "-". */
export const ROW_MARKER = /^(?:\d{1,3}(?:\.\d{1,3})*\.?|[IVXL]{1,6}\.?|[A-HK]\.?|[-–+])$/;

/** A group column's labels (loose keys): a table may put that column before the number column ("Lĩnh vực | STT | …"). */
export const GROUP_LABELS = 'linh vuc|nhom chi tieu|nhom nhiem vu';
