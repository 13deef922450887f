/**
 * Domain vocabulary, written as loose keys (lower case, no diacritics; see
 * text/fold.ts). These are the words Vietnamese administrative documents use
 * for units, measures and outputs in general, not words taken from one plan.
 */

/**
 * How a responsible unit's name starts: "Phòng Văn hóa - Xã hội", "Trung tâm
 * PVHCC", "Công an xã", "Các phòng chuyên môn". A unit's name starts with a
 * capital: in lower case "phòng", "bàn", "hội", "sở", "trường" are ordinary
 * words ("phòng chống", "địa bàn", "xã hội", "sở hữu", "môi trường").
 */
export const UNIT_HEADS: readonly string[] = [
  'uy ban mat tran to quoc', 'uy ban mttq', 'ubmttq', 'mat tran to quoc', 'mttq', 'uy ban nhan dan', 'uy ban', 'ubnd',
  'hoi dong nhan dan', 'hdnd', 'hoi dong', 'trung tam', 'van phong', 'vp', 'cong an', 'tram y te', 'y te',
  'cac phong', 'cac ban', 'cac nganh', 'cac don vi', 'cac co quan', 'cac to chuc', 'cac truong', 'cac nha truong',
  'nha truong', 'truong hoc', 'truong mam non', 'truong tieu hoc', 'truong thcs', 'cac thon', 'cac ap', 'cac xom', 'cac ban', 'cac buon', 'cac bon', 'cac lang', 'cac khoi', 'cac khu pho',
  'cac to dan pho', 'cac xa', 'cac doanh nghiep', 'cac hoi', 'cac doan the', 'doan the', 'cac chi bo', 'cac dang bo',
  'don vi', 'co quan', 'to chuc', 'doan thanh nien', 'doan tn', 'hoi nong dan', 'hoi lien hiep phu nu', 'hoi phu nu',
  'hoi cuu chien binh', 'hoi ccb', 'ban chi huy quan su', 'ban chqs', 'quan su', 'buu dien', 'ngan hang', 'chi nhanh',
  'doanh nghiep', 'nha mang', 'to cong nghe so', 'to cong tac', 'to giup viec', 'ban chi dao', 'ban nhan dan',
  'ban quan ly', 'bql', 'ban xay dung dang', 'ban thuong vu', 'thuong truc', 'truong thon', 'truong ap', 'khu pho',
  'to dan pho', 'dang uy', 'chi bo', 'dang bo', 'kho bac', 'chi cuc', 'bao hiem xa hoi', 'bhxh', 'dien luc',
  'chu tich', 'pho chu tich', 'cong chuc', 'can bo', 'thu truong', 'nguoi dung dau', 'hop tac xa', 'htx',
  'dai truyen thanh', 'dai phat thanh', 'viettel', 'vnpt', 'mobifone', 'fpt', 'agribank', 'vietcombank', 'vietinbank',
  'bidv', 'lienvietpostbank', 'buu dien', 'ban quan ly cho', 'so', 'bo', 'phong', 'ban', 'hoi',
  'truong', 'tram', 'to', 'doi', 'doan', 'cuc', 'vien', 'dai', 'thon', 'ap', 'xom',
  // The tax office after 2025 ("Thuế cơ sở 5 tỉnh …"), and its older names.
  'thue co so', 'chi cuc thue', 'doi thue',
];

/**
 * Whole names of the units a commune or ward plan assigns work to (GLOSSARY:
 * common units). A cell that stops partway through one ("Trung tâm Phục" /
 * "vụ hành chính công", "Ban nhân dân" / "các ấp") has lost its end to the
 * next line; a cell that holds one whole is complete. A locality may follow
 * ("Công an xã", "Trạm Y tế phường").
 */
export const WHOLE_UNIT_NAMES: readonly string[] = [
  'trung tam phuc vu hanh chinh cong', 'trung tam pvhcc', 'trung tam dich vu tong hop', 'trung tam dvth',
  'van phong hdnd-ubnd', 'van phong hdnd va ubnd', 'van phong hdnd - ubnd', 'van phong dang uy',
  'van phong hoi dong nhan dan va uy ban nhan dan', 'phong van hoa - xa hoi', 'phong van hoa-xa hoi', 'phong vh-xh',
  'phong vhxh', 'phong kinh te', 'phong kinh te, ha tang va do thi', 'phong kinh te - ha tang - do thi',
  'phong kinh te - ha tang va do thi', 'cong an xa', 'cong an phuong', 'cong an thi tran', 'tram y te',
  'ban chi huy quan su', 'ban chqs', 'uy ban mttq viet nam', 'uy ban mat tran to quoc viet nam', 'uy ban mttq',
  'doan thanh nien', 'hoi nong dan', 'hoi lien hiep phu nu', 'hoi cuu chien binh', 'ban nhan dan ap',
  'ban nhan dan cac ap', 'ban nhan dan thon', 'ban nhan dan cac thon', 'ban nhan dan khu pho', 'ban nhan dan cac khu pho',
  'ban nhan dan to dan pho', 'ban nhan dan cac to dan pho', 'ban xay dung dang', 'uy ban kiem tra dang uy',
  'to cong nghe so cong dong', 'cac to cong nghe so cong dong', 'ban xay dung dang dang uy', 'ban tuyen giao dang uy',
  'ban tuyen giao va dan van dang uy', 'ban dan van dang uy', 'ban to chuc dang uy',
];

/** Unit names that contain a verb and are still names: "Trung tâm Phục vụ hành chính công". */
export const UNIT_NAMES_WITH_VERBS: readonly string[] = [
  'phuc vu hanh chinh cong', 'dich vu tong hop', 'phat trien quy dat', 'xay dung dang', 'ho tro', 'phat trien',
  'ung cuu', 'cung ung', 'van hoa', 'thong tin', 'xay dung',
];

/** Verbs that open a task, not a unit's name. */
export const TASK_VERBS: readonly string[] = [
  'xay dung', 'trien khai', 'thuc hien', 'nang cao', 'day manh', 'tang cuong', 'bao dam', 'dam bao', 'ho tro',
  'phat trien', 'ung dung', 'thanh lap', 'ra soat', 'hoan thien', 'cung cap', 'khai thac', 'tuyen truyen',
  'dao tao', 'boi duong', 'dau tu', 'nang cap', 'so hoa', 'ket noi', 'chia se', 'duy tri', 'van hanh', 'phan dau',
  'tham muu', 'ban hanh', 'pho bien', 'quan triet', 'dap ung', 'huong toi', 'gop phan', 'thuc day', 'mua sam',
  'to chuc thuc hien', 'to chuc trien khai', 'khuyen khich', 'huy dong', 'nghien cuu', 'de xuat', 'lam tot',
  'phat dong', 'tiep tuc', 'hinh thanh', 'hoan thanh', 'tao', 'giam sat', 'kiem tra', 'theo doi', 'danh gia',
];

/**
 * Measures in an indicator table's unit column ("Đơn vị tính"). Words that
 * end names as often as they are units ("số", "năm", "bộ") are left out.
 */
export const MEASURE_UNITS: readonly string[] = [
  '%', '% grdp', '% dan so', '% tong chi ngan sach', 'ty le', 'ty le %', 'nguoi', 'dn', 'doanh nghiep', 'thu bac',
  'thu hang', 'xep hang', 'hang', 'so luong', 'he thong', 'san pham', 'co so', 'truong', 'xa', 'thon', 'ho',
  'ho gia dinh', 'luot', 'gbps', 'mbps', 'don vi', 'du an', 'sang kien', 'van ban', 'cai', 'chiec', 'may',
  'diem', 'ty dong', 'trieu dong', 'dong', 'km', 'ha', 'nen tang', 'csdl', 'ung dung', 'giai phap', 'mo hinh',
  'lop', 'ho so', 'tthc', 'thu tuc', 'dich vu', 'muc', 'muc do', 'cap do', 'chi so', 'bai bao', 'de tai',
  'nhiem vu', 'sang che', 'tai khoan', 'cuoc', 'trung tam', 'clb', 'cau lac bo', 'htx',
  'hop tac xa', 'tram', 'camera', 'thiet bi', 'website', 'ket noi', 'diem truy cap', 'nguoi/van dan', 'vu',
  'vu viec', 'ho/htx', 'cong trinh', 'ngan dong', 'dot', 'buoi', 'tin bai', 'bai', 'tin', 'video', 'thang', 'ngay', 'gio', 'phut', 'co quan', 'dia phuong',
];

/** How a task's output cell usually starts ("Kết quả", "Sản phẩm đầu ra"). */
export const OUTPUT_HEADS: readonly string[] = [
  'quyet dinh', 'ke hoach', 'bao cao', 'van ban', 'cong van', 'huong dan', 'de an', 'chuong trinh', 'nghi quyet',
  'thong bao', 'he thong', 'phan mem', 'co so du lieu', 'csdl', 'du lieu', 'ngan sach', 'tai lieu', 'lop tap huan',
  'lop', 'hoi nghi', 'ket qua', 'san pham', 'ty le', 'to trinh', 'quy che', 'quy dinh', 'bo tieu chi', 'danh sach',
  'danh muc', 'trang thong tin', 'ung dung', 'nen tang', 'mo hinh', 'phong trao', 'cuoc thi', 'chuyen muc',
  'tin bai', 'tin, bai', 'an pham', 'so lieu', 'bien ban', 'cong trinh', 'trang thiet bi', 'thiet bi', 'giai phap',
  'hop dong', 'tram bts', 'tram phat song', 'camera', 'he thong camera', 'website', 'trang web', 'phan mem',
  'may tinh', 'ho so', 'hoc ba', 'chu ky so', 'tai khoan', 'van ban dien tu', 'lop boi duong', 'hoi thao',
  'diem wifi', 'diem truy cap', 'ban do', 'so tay', 'video', 'clip',
];

// Each list's phrases by their first character: a key is checked only against those that may start it.
const byFirstChar = new WeakMap<readonly string[], Map<string, string[]>>();

/** The phrases that open with the character `first`, in their list's order. */
export function phrasesStarting(phrases: readonly string[], first: string): readonly string[] {
  let index = byFirstChar.get(phrases);
  if (!index) {
    index = new Map();
    for (const p of phrases) {
      const list = index.get(p[0] ?? '');
      if (list) list.push(p);
      else index.set(p[0] ?? '', [p]);
    }
    byFirstChar.set(phrases, index);
  }
  return index.get(first) ?? NONE;
}
const NONE: readonly string[] = [];

/** The longest of `phrases` that `key` starts with as whole words, or null. */
export function startsWithPhrase(key: string, phrases: readonly string[]): string | null {
  let best: string | null = null;
  if (key.length === 0) return phrases.includes('') ? '' : null;
  for (const p of phrasesStarting(phrases, key[0]!)) {
    if (key.startsWith(p) && (key.length === p.length || !/[\p{L}\p{N}]/u.test(key[p.length]!))) {
      if (!best || p.length > best.length) best = p;
    }
  }
  return best;
}

