//! Text, metadata and tagged structure of the PDFs that typst (typst-pdf, via krilla) writes,
//! read in pure Rust with the PDF crates typst already brings in (hayro-syntax, hayro-interpret),
//! so the tests need no `pdftotext`/`pdfinfo` on the machine.
//!
//! Dependencies: `hayro-syntax`, `hayro-interpret` (with `default-features = false`, as typst
//! uses it: the embedded CMaps/fonts are only needed for non-embedded fonts, which typst never
//! writes) and `kurbo` (the geometry types in hayro-interpret's `Device` trait; hayro-interpret
//! does not re-export them, and the version already in the tree is the one to use).
#![allow(dead_code)]

use std::collections::BTreeMap;

use hayro_interpret::font::Glyph;
use hayro_interpret::hayro_cmap::BfString;
use hayro_interpret::hayro_syntax::Pdf;
use hayro_interpret::hayro_syntax::content::TypedIter;
use hayro_interpret::hayro_syntax::content::ops::TypedInstruction;
use hayro_interpret::hayro_syntax::object::{Array, Dict, Name, Object, ObjectIdentifier, String as PdfString};
use hayro_interpret::hayro_syntax::page::Resources;
use hayro_interpret::{
    BlendMode, ClipPath, Context, Device, GlyphDrawMode, Image, InterpreterCache, InterpreterSettings, Paint,
    PathDrawMode, SoftMask, interpret_page,
};
use kurbo::{Affine, BezPath, Point, Rect, Vec2};

fn load(pdf: &[u8]) -> Pdf {
    Pdf::new(pdf.to_vec()).expect("not a readable PDF")
}

/// Number of pages.
pub fn page_count(pdf: &[u8]) -> usize {
    load(pdf).pages().len()
}

/// Each page's text, glyphs in content-stream order (typst writes them in reading order, so no
/// layout analysis is needed): a space where a glyph starts away from the previous glyph's end
/// (or for a space glyph), a newline where the baseline moves. Whitespace is not collapsed
/// (U+00A0 and U+202F come out as they are); glyphs without a Unicode mapping become U+FFFD.
pub fn page_texts(pdf: &[u8]) -> Vec<String> {
    let pdf = load(pdf);
    let cache = InterpreterCache::new();
    // Annotations are off: typst's links have no appearance streams, and their text is not
    // page text anyway.
    let settings = InterpreterSettings { render_annotations: false, ..Default::default() };
    pdf.pages()
        .iter()
        .map(|page| {
            // Identity transform: positions stay in PDF user space (y up), which is all we need.
            let bbox = Rect::new(0.0, 0.0, 1.0, 1.0);
            let mut ctx = Context::new(Affine::IDENTITY, bbox, &cache, pdf.xref(), settings.clone());
            let mut sink = TextSink::default();
            if let Some(content) = page.page_stream() {
                marked_content(content, page.resources(), 0, &mut sink.spans);
            }
            interpret_page(page, &mut ctx, &mut sink);
            sink.text
        })
        .collect()
}

/// Where the previous glyph left the pen, to decide what separates it from the next one.
struct Pen {
    origin: Point,
    /// Where the glyph's advance ends.
    end: Point,
    /// Unit vector along the baseline.
    dir: Vec2,
    /// Font size in user-space units.
    size: f64,
}

/// A `Device` that only listens to glyphs and writes their Unicode text.
#[derive(Default)]
struct TextSink {
    text: String,
    pen: Option<Pen>,
    /// Tag and /ActualText of each marked-content sequence, in the order the interpreter opens
    /// them (see [`marked_content`]); `next_span` indexes the next one to open.
    spans: Vec<(Vec<u8>, Option<String>)>,
    next_span: usize,
    /// Open marked-content sequences: whether each one is an /ActualText replacement.
    open: Vec<bool>,
    /// The /ActualText being applied: written at its first glyph, whose followers are dropped.
    actual: Option<String>,
}

impl TextSink {
    fn glyph(&mut self, glyph: &Glyph<'_>, transform: Affine, stroke: bool) {
        let replacing = self.open.contains(&true);
        // Glyph space is 1000 units per em (hayro scales the text matrix by 1/1000).
        let t = transform;
        let origin = t * Point::ORIGIN;
        let x_axis = t * Point::new(1000.0, 0.0) - origin;
        let size = (t * Point::new(0.0, 1000.0) - origin).hypot().max(1e-6);
        let dir = x_axis / x_axis.hypot().max(1e-6);
        // A Type3 glyph (e.g. a colour emoji) exposes no advance: guess half an em.
        let advance = match glyph {
            Glyph::Outline(g) => g.advance_width().unwrap_or(500.0) as f64,
            Glyph::Type3(_) => 500.0,
        };
        let end = t * Point::new(advance, 0.0);
        if let Some(pen) = &self.pen {
            // "Fill, then stroke" text mode draws every glyph twice at the same place.
            if stroke && (origin - pen.origin).hypot() < 1e-3 {
                return;
            }
            let d = origin - pen.end;
            // Distance across and along the previous baseline.
            let across = (origin - pen.origin).cross(pen.dir).abs();
            let along = d.dot(pen.dir);
            // Lines are >= 1.2 em apart, while a synthesised superscript sits 0.5 em up.
            if across > 0.7 * size.max(pen.size) {
                self.separate('\n');
            } else if along > 0.1 * size.max(pen.size) || along < -0.5 * size.max(pen.size) {
                // A gap (word space by positioning, next table cell) or a jump back.
                self.separate(' ');
            }
        }
        match glyph.as_unicode() {
            _ if replacing => self.text.push_str(&self.actual.take().unwrap_or_default()),
            Some(BfString::Char(c)) => self.text.push(c),
            Some(BfString::String(s)) => self.text.push_str(&s),
            None => self.text.push('\u{FFFD}'),
        }
        self.pen = Some(Pen { origin, end, dir, size });
    }

    /// Adds a separator unless the text already ends with whitespace (a space glyph, or a
    /// newline, which wins over a space).
    fn separate(&mut self, sep: char) {
        match self.text.chars().last() {
            None => {}
            Some(' ') if sep == '\n' => {
                self.text.pop();
                self.text.push('\n');
            }
            Some(c) if c == ' ' || c == '\n' => {}
            Some(_) => self.text.push(sep),
        }
    }
}

impl<'a> Device<'a> for TextSink {
    fn draw_glyph(&mut self, g: &Glyph<'a>, t: Affine, gt: Affine, _: &Paint<'a>, m: &GlyphDrawMode) {
        self.glyph(g, t * gt, matches!(m, GlyphDrawMode::Stroke(_)));
    }
    /// krilla writes the text of glyphs whose ToUnicode mapping would be wrong (a hyphen that
    /// stands for a soft hyphen, a space that carries a word joiner, ...) as a `/Span` with
    /// /ActualText, which replaces the text of the glyphs inside it, as in pdftotext.
    fn begin_marked_content(&mut self, tag: &[u8], _: Option<i32>) {
        let span = self.spans.get(self.next_span);
        self.next_span += 1;
        let actual = match span {
            Some((t, actual)) if t == tag => actual.clone(),
            // Out of step with the pre-scan (content this module does not follow): give up
            // /ActualText for the rest of the page rather than misplace it.
            _ => {
                self.spans.clear();
                None
            }
        };
        // The outermost /ActualText wins (nested ones are part of its text).
        let replacing = actual.is_some() && !self.open.contains(&true);
        if replacing {
            self.actual = actual;
        }
        self.open.push(replacing);
    }
    fn end_marked_content(&mut self) {
        if self.open.pop() == Some(true) {
            // A span without glyphs still contributes its text.
            if let Some(text) = self.actual.take() {
                self.text.push_str(&text);
            }
        }
    }
    fn set_soft_mask(&mut self, _: Option<SoftMask<'a>>) {}
    fn set_blend_mode(&mut self, _: BlendMode) {}
    fn draw_path(&mut self, _: &BezPath, _: Affine, _: &Paint<'a>, _: &PathDrawMode) {}
    fn push_clip_path(&mut self, _: &ClipPath) {}
    fn push_transparency_group(&mut self, _: f32, _: Option<SoftMask<'a>>, _: BlendMode) {}
    fn draw_image(&mut self, _: Image<'a, '_>, _: Affine) {}
    fn pop_clip_path(&mut self) {}
    fn pop_transparency_group(&mut self) {}
}

/// Lists the marked-content sequences (BMC/BDC) of a content stream and of the forms it draws,
/// in the order hayro-interpret opens them, with their /ActualText: hayro's `Device` is told only
/// the tag and the MCID of a sequence, not its properties.
fn marked_content<'a>(content: &[u8], resources: &Resources<'a>, depth: u32, out: &mut Vec<(Vec<u8>, Option<String>)>) {
    let mut ops = TypedIter::new(content);
    while let Some(op) = ops.next() {
        match op {
            TypedInstruction::BeginMarkedContent(bmc) => out.push((bmc.0.to_vec(), None)),
            TypedInstruction::BeginMarkedContentWithProperties(bdc) => {
                let props = match &bdc.1 {
                    Object::Dict(d) => Some(d.clone()),
                    Object::Name(n) => resources.properties.get::<Dict<'_>>(&**n),
                    _ => None,
                };
                out.push((bdc.0.to_vec(), props.and_then(|p| string(&p, b"ActualText"))));
            }
            TypedInstruction::XObject(x) if depth < 16 => {
                let Some(form) = resources.get_x_object(x.0) else { continue };
                if form.dict().get::<Name<'_>>(b"Subtype").is_none_or(|n| &*n != b"Form") {
                    continue;
                }
                let own = form.dict().get::<Dict<'_>>(b"Resources").unwrap_or_default();
                let res = Resources::from_parent(own, resources.clone());
                if let Ok(data) = form.decoded() {
                    marked_content(&data, &res, depth + 1, out);
                }
            }
            _ => {}
        }
    }
}

/// The document information dictionary (every entry whose value is a string, e.g. Title,
/// Author, Creator, Producer, CreationDate as the raw `D:...` string) plus the catalog's
/// /Lang under "Lang".
pub fn info(pdf: &[u8]) -> BTreeMap<String, String> {
    let doc = load(pdf);
    let mut map = BTreeMap::new();
    // hayro-syntax does not expose the trailer, so take the last `/Info n g R` in the file:
    // the trailer (or cross-reference stream dictionary) is never compressed, and is at the end.
    if let Some(id) = info_ref(pdf)
        && let Some(dict) = doc.xref().get::<Dict<'_>>(id)
    {
        for key in dict.keys() {
            if let Some(s) = dict.get::<PdfString<'_>>(&*key) {
                map.insert(key.as_str().to_string(), text_string(s.as_bytes()));
            }
        }
    }
    if let Some(lang) = catalog(&doc).and_then(|c| string(&c, b"Lang")) {
        map.insert("Lang".into(), lang);
    }
    map
}

fn info_ref(pdf: &[u8]) -> Option<ObjectIdentifier> {
    let at = pdf.windows(5).rposition(|w| w == b"/Info")? + 5;
    let rest = std::str::from_utf8(&pdf[at..pdf.len().min(at + 32)]).ok()?;
    let mut parts = rest.split_whitespace();
    let (num, generation) = (parts.next()?.parse().ok()?, parts.next()?.parse().ok()?);
    Some(ObjectIdentifier::new(num, generation))
}

fn catalog(doc: &Pdf) -> Option<Dict<'_>> {
    doc.xref().get::<Dict<'_>>(doc.xref().root_id())
}

fn string(dict: &Dict<'_>, key: &[u8]) -> Option<String> {
    let s = dict.get::<PdfString<'_>>(key)?;
    Some(text_string(s.as_bytes()))
}

/// Every /Lang on a structure element, in tree order.
pub fn struct_langs(pdf: &[u8]) -> Vec<String> {
    struct_values(pdf, |e| string(e, b"Lang"))
}

/// Every /Alt on a structure element, in tree order.
pub fn struct_alts(pdf: &[u8]) -> Vec<String> {
    struct_values(pdf, |e| string(e, b"Alt"))
}

/// The structure type (/S, as written, without role mapping) of every structure element, in
/// tree order, e.g. "Document", "H1", "P", "Table", "TH", "TD", "Figure".
pub fn struct_tags(pdf: &[u8]) -> Vec<String> {
    struct_values(pdf, |e| e.get::<Name<'_>>(b"S").map(|n| n.as_str().to_string()))
}

/// Every table of the tag tree, in tree order: its header and data cells, each as its tag and
/// the /Scope of its table attributes (`TH Row`, `TH Column`, `TD`), with the cell's text.
pub fn struct_tables(pdf: &[u8]) -> Vec<Vec<String>> {
    fn scope(e: &Dict<'_>) -> Option<String> {
        let attribute = |a: &Dict<'_>| a.get::<Name<'_>>(b"Scope").map(|n| n.as_str().to_string());
        match e.get::<Object<'_>>(b"A")? {
            Object::Dict(a) => attribute(&a),
            Object::Array(list) => Array::iter::<Dict<'_>>(&list).find_map(|a| attribute(&a)),
            _ => None,
        }
    }
    fn cells(kids: Object<'_>, depth: usize, out: &mut Vec<String>) {
        if depth > 256 {
            return;
        }
        match kids {
            Object::Array(a) => Array::iter::<Object<'_>>(&a).for_each(|kid| cells(kid, depth, out)),
            Object::Dict(d) if d.contains_key(b"S") => {
                let tag = d.get::<Name<'_>>(b"S").map(|n| n.as_str().to_string()).unwrap_or_default();
                if tag == "TH" || tag == "TD" {
                    out.push(scope(&d).map_or(tag.clone(), |s| format!("{tag} {s}")));
                } else if let Some(k) = d.get::<Object<'_>>(b"K") {
                    cells(k, depth + 1, out);
                }
            }
            _ => {}
        }
    }
    fn tables(kids: Object<'_>, depth: usize, out: &mut Vec<Vec<String>>) {
        if depth > 256 {
            return;
        }
        match kids {
            Object::Array(a) => Array::iter::<Object<'_>>(&a).for_each(|kid| tables(kid, depth, out)),
            Object::Dict(d) if d.contains_key(b"S") => {
                let is_table = d.get::<Name<'_>>(b"S").is_some_and(|n| n.as_str() == "Table");
                match d.get::<Object<'_>>(b"K") {
                    Some(k) if is_table => {
                        let mut found = Vec::new();
                        cells(k, depth + 1, &mut found);
                        out.push(found);
                    }
                    Some(k) => tables(k, depth + 1, out),
                    None => {}
                }
            }
            _ => {}
        }
    }
    let doc = load(pdf);
    let mut out = Vec::new();
    if let Some(k) =
        catalog(&doc).and_then(|c| c.get::<Dict<'_>>(b"StructTreeRoot")).and_then(|root| root.get::<Object<'_>>(b"K"))
    {
        tables(k, 0, &mut out);
    }
    out
}

/// Applies `f` to every structure element below the StructTreeRoot (depth first, children
/// in /K order) and keeps the values it finds.
fn struct_values(pdf: &[u8], f: impl Fn(&Dict<'_>) -> Option<String>) -> Vec<String> {
    fn walk(kids: Object<'_>, depth: usize, f: &dyn Fn(&Dict<'_>) -> Option<String>, out: &mut Vec<String>) {
        if depth > 256 {
            return; // a malformed, cyclic tree
        }
        match kids {
            Object::Array(a) => {
                for kid in Array::iter::<Object<'_>>(&a) {
                    walk(kid, depth, f, out);
                }
            }
            // A structure element has /S; marked-content (MCR) and object (OBJR) references,
            // and bare MCIDs (numbers), are leaves that carry no element.
            Object::Dict(d) if d.contains_key(b"S") => {
                out.extend(f(&d));
                if let Some(k) = d.get::<Object<'_>>(b"K") {
                    walk(k, depth + 1, f, out);
                }
            }
            _ => {}
        }
    }
    let doc = load(pdf);
    let mut out = Vec::new();
    if let Some(k) =
        catalog(&doc).and_then(|c| c.get::<Dict<'_>>(b"StructTreeRoot")).and_then(|root| root.get::<Object<'_>>(b"K"))
    {
        walk(k, 0, &f, &mut out);
    }
    out
}

/// Decodes a PDF text string: UTF-16BE or UTF-8 when it starts with their byte-order mark,
/// PDFDocEncoding otherwise.
pub fn text_string(bytes: &[u8]) -> String {
    if let Some(utf16) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let units = utf16.chunks_exact(2).map(|p| u16::from_be_bytes([p[0], p[1]]));
        return char::decode_utf16(units).map(|c| c.unwrap_or('\u{FFFD}')).collect();
    }
    if let Some(utf8) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return String::from_utf8_lossy(utf8).into_owned();
    }
    bytes.iter().map(|&b| pdf_doc_char(b)).collect()
}

/// PDFDocEncoding (PDF 32000-1, Annex D): Latin-1 except 0x18-0x1F and 0x80-0xA0.
fn pdf_doc_char(b: u8) -> char {
    const LOW: [char; 8] = ['˘', 'ˇ', 'ˆ', '˙', '˝', '˛', '˚', '˜'];
    const HIGH: [char; 33] = [
        '•', '†', '‡', '…', '—', '–', 'ƒ', '⁄', '‹', '›', '−', '‰', '„', '“', '”', '‘', '’', '‚', '™', 'ﬁ', 'ﬂ', 'Ł',
        'Œ', 'Š', 'Ÿ', 'Ž', 'ı', 'ł', 'œ', 'š', 'ž', '\u{FFFD}', '€',
    ];
    match b {
        0x18..=0x1F => LOW[(b - 0x18) as usize],
        0x80..=0xA0 => HIGH[(b - 0x80) as usize],
        _ => b as char,
    }
}
