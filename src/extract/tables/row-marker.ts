/** A row's number alone in its cell or on its line: "12", "2.1", "III", "B.", "-". */
export const ROW_MARKER = /^(?:\d{1,3}(?:\.\d{1,3})*\.?|[IVXL]{1,6}\.?|[A-HK]\.?|[-–+])$/;
