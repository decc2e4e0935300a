//! Exceptions as objects: making them, matching them, printing tracebacks.

use std::cell::RefCell;
use std::rc::Rc;

use crate::value::{Class, Dict, ExcType, Instance, PyErr, PyResult, Value};

use super::Vm;

impl Vm {
    /// A compile error as the exception `import` (later `compile`) raises:
    /// its location in the attributes CPython's SyntaxError has.
    #[cold]
    pub(crate) fn syntax_error(&mut self, e: crate::syntax::SyntaxError) -> PyErr {
        use crate::syntax::SyntaxErrorKind as K;
        let t = match e.kind {
            K::SyntaxError => ExcType::SyntaxError,
            K::IndentationError => ExcType::IndentationError,
            K::TabError => ExcType::TabError,
            K::RecursionError => return PyErr::new(ExcType::RecursionError, e.msg),
        };
        let exc = self.materialize(PyErr::new(t, e.msg.clone()));
        if let Value::Instance(i) = &exc {
            let line = |n: u32| Value::Int(n as i64);
            for (name, v) in [
                ("msg", Value::str(&e.msg)),
                ("filename", Value::str(&e.filename)),
                ("lineno", line(e.lineno)),
                ("offset", line(e.offset)),
                ("text", Value::string(format!("{}\n", e.text))),
                ("end_lineno", line(e.lineno)),
                ("end_offset", line(e.end_offset)),
            ] {
                i.set_attr(self.intern(name), v);
            }
        }
        PyErr::Obj(exc)
    }

    /// CPython's `SyntaxError.__str__` for one made from a compile error:
    /// `msg (file, line N)`, the file's base name.
    pub(crate) fn syntax_error_str(&self, exc: &Value) -> Option<String> {
        if !self
            .exc_class(exc)
            .is_subclass(&self.types.exc(ExcType::SyntaxError))
        {
            return None;
        }
        let (Some(Value::Str(msg)), Some(Value::Str(file)), Some(Value::Int(line))) = (
            self.exc_attr(exc, "msg"),
            self.exc_attr(exc, "filename"),
            self.exc_attr(exc, "lineno"),
        ) else {
            return None;
        };
        let base = file.as_str().rsplit('/').next().unwrap_or("");
        Some(format!("{} ({base}, line {line})", msg.as_str()))
    }

    /// The `File ..., line N` block printed under a SyntaxError's
    /// traceback, from its attributes (empty for other exceptions).
    fn syntax_error_location(&self, exc: &Value) -> String {
        let cls = self.exc_class(exc);
        if !cls.is_subclass(&self.types.exc(ExcType::SyntaxError)) {
            return String::new();
        }
        let attr = |n: &str| self.exc_attr(exc, n);
        let (Some(Value::Str(filename)), Some(Value::Int(lineno))) =
            (attr("filename"), attr("lineno"))
        else {
            return String::new();
        };
        let int = |n: &str| match attr(n) {
            Some(Value::Int(i)) => i as u32,
            _ => 0,
        };
        let text = match attr("text") {
            Some(Value::Str(t)) => t.as_str().to_string(),
            _ => String::new(),
        };
        let report = crate::syntax::SyntaxError {
            kind: crate::syntax::SyntaxErrorKind::SyntaxError,
            msg: String::new(),
            filename: filename.as_str().to_string(),
            lineno: lineno as u32,
            offset: int("offset"),
            end_offset: int("end_offset"),
            text,
        }
        .report();
        // Without its last line (the summary, printed by the caller).
        let body = report.trim_end_matches('\n');
        match body.rfind('\n') {
            Some(i) => body[..=i].to_string(),
            None => String::new(),
        }
    }

    /// Turns an error into an exception instance.
    pub fn materialize(&mut self, e: PyErr) -> Value {
        match e {
            PyErr::Obj(v) => v,
            PyErr::New(t, msg) => {
                let args = match msg {
                    Some(m) => vec![Value::string(m)],
                    None => vec![],
                };
                self.new_exception(self.types.exc(t), args)
            }
            PyErr::Args(t, args) => self.new_exception(self.types.exc(t), args),
        }
    }

    /// A fresh exception instance of `cls` with `args`.
    pub fn new_exception(&mut self, cls: Rc<Class>, args: Vec<Value>) -> Value {
        let inst = Instance::new(cls);
        let n = self.intern("args");
        inst.set_attr(n, Value::tuple(args));
        Value::Instance(crate::gc::alloc(inst))
    }

    /// The class of an exception value.
    pub fn exc_class(&self, exc: &Value) -> Rc<Class> {
        match exc {
            Value::Instance(i) => i.class.clone(),
            _ => self.types.exc(ExcType::BaseException),
        }
    }

    /// `except T:` matching, `T` a class or a flat tuple of classes. As CPython's
    /// CHECK_EXC_MATCH, every item is checked (no nested tuples) before any match.
    pub fn exc_matches(&mut self, exc: &Value, t: &Value) -> PyResult<bool> {
        let single;
        let classes: &[Value] = match t {
            Value::Tuple(items) => items,
            _ => {
                single = [t.clone()];
                &single
            }
        };
        for c in classes {
            if !matches!(c, Value::Class(c) if c.is_exception()) {
                return Err(PyErr::type_error(
                    "catching classes that do not inherit from BaseException is not allowed",
                ));
            }
        }
        let ec = self.exc_class(exc);
        Ok(classes
            .iter()
            .any(|c| matches!(c, Value::Class(c) if ec.is_subclass(c))))
    }

    /// Whether an error is of the built-in type `t` (or a subclass).
    pub fn err_is(&self, e: &PyErr, t: ExcType) -> bool {
        match e {
            PyErr::New(k, _) | PyErr::Args(k, _) => {
                let mut cur = Some(*k);
                while let Some(c) = cur {
                    if c == t {
                        return true;
                    }
                    cur = c.parent();
                }
                false
            }
            PyErr::Obj(v) => self.exc_class(v).is_subclass(&self.types.exc(t)),
        }
    }

    /// `str(exc)` as the last line of a traceback shows it.
    pub fn exc_message(&mut self, exc: &Value) -> String {
        match self.str_of(exc) {
            Ok(s) => s,
            Err(_) => "<exception str() failed>".into(),
        }
    }

    /// The final line of a traceback: `Type: message` or just `Type`.
    pub fn exc_summary(&mut self, exc: &Value) -> String {
        // A SyntaxError shows its msg (its location is printed above).
        let msg = match self.syntax_error_str(exc).and(self.exc_attr(exc, "msg")) {
            Some(Value::Str(m)) => m.as_str().to_string(),
            _ => self.exc_message(exc),
        };
        let name = self.exc_type_name(exc);
        if msg.is_empty() {
            name
        } else {
            format!("{}: {}", name, msg)
        }
    }

    /// An exception's class as a traceback's last line names it:
    /// `ValueError`, `mymodule.MyError` (builtins and `__main__` unqualified).
    pub fn exc_type_name(&self, exc: &Value) -> String {
        let cls = self.exc_class(exc);
        if cls.module.as_str() == "builtins" || cls.module.as_str() == "__main__" {
            cls.qualname.as_str().to_string()
        } else {
            format!("{}.{}", cls.module.as_str(), cls.qualname.as_str())
        }
    }

    /// The full traceback text CPython prints for an uncaught exception,
    /// and its last line (the summary of `exc`): `str(exc)` is called once.
    /// `globals`: the module's, where a NameError's suggestion looks.
    pub fn format_traceback(
        &mut self,
        exc: &Value,
        globals: Option<&Rc<RefCell<Dict>>>,
    ) -> TracebackText {
        let mut out = String::new();
        let mut chain = vec![exc.clone()];
        // Walk causes and contexts (at most a few levels).
        let mut cur = exc.clone();
        let mut links = vec![];
        for _ in 0..16 {
            let (next, text) = if let Some(c) =
                self.exc_attr(&cur, "__cause__").filter(|v| !v.is_none())
            {
                (
                    c,
                    "\nThe above exception was the direct cause of the following exception:\n\n",
                )
            } else if let Some(c) = self.exc_attr(&cur, "__context__").filter(|v| !v.is_none()) {
                let suppressed = matches!(
                    self.exc_attr(&cur, "__suppress_context__"),
                    Some(Value::Bool(true))
                );
                if suppressed {
                    break;
                }
                (
                    c,
                    "\nDuring handling of the above exception, another exception occurred:\n\n",
                )
            } else {
                break;
            };
            if chain.iter().any(|x| x.is(&next)) {
                break;
            }
            links.push(text);
            chain.push(next.clone());
            cur = next;
        }
        let (mut summary, mut bare) = (String::new(), String::new());
        for (i, e) in chain.iter().enumerate().rev() {
            (summary, bare) = self.format_one(e, &mut out, globals, true);
            if i > 0 {
                out.push_str(links[i - 1]);
            }
        }
        let name = self.exc_type_name(exc);
        let message = match bare.strip_prefix(name.as_str()) {
            Some(rest) => rest.strip_prefix(": ").unwrap_or(rest).to_string(),
            None => bare,
        };
        TracebackText {
            text: out,
            summary,
            type_name: name,
            message,
        }
    }

    /// Appends one exception's traceback to `out`; returns its last line,
    /// with the "Did you mean" of the traceback module when `suggest`, and
    /// without.
    fn format_one(
        &mut self,
        exc: &Value,
        out: &mut String,
        globals: Option<&Rc<RefCell<Dict>>>,
        suggest: bool,
    ) -> (String, String) {
        let tb = match exc {
            Value::Instance(i) => i.traceback().map(|t| t.entries()),
            _ => None,
        }
        .unwrap_or_default();
        if !tb.is_empty() {
            out.push_str("Traceback (most recent call last):\n");
            let mut repeats = 0;
            for (n, (code, line)) in tb.iter().enumerate() {
                // CPython prints a run of identical entries three times, then counts the rest.
                let same = n > 0 && Rc::ptr_eq(&tb[n - 1].0, code) && tb[n - 1].1 == *line;
                repeats = if same { repeats + 1 } else { 0 };
                let run_ends =
                    n + 1 == tb.len() || !Rc::ptr_eq(&tb[n + 1].0, code) || tb[n + 1].1 != *line;
                if repeats >= 3 {
                    if run_ends {
                        let more = repeats - 2;
                        out.push_str(&format!(
                            "  [Previous line repeated {} more time{}]\n",
                            more,
                            if more == 1 { "" } else { "s" }
                        ));
                    }
                    continue;
                }
                out.push_str(&format!(
                    "  File \"{}\", line {}, in {}\n",
                    code.filename.as_str(),
                    line,
                    code.name.as_str()
                ));
                if let Some(src) = self.sources.get(code.filename.as_str()) {
                    if let Some(text) = src.lines().nth((*line as usize).saturating_sub(1)) {
                        let t = text.trim();
                        if !t.is_empty() {
                            out.push_str(&format!("    {}\n", t));
                        }
                    }
                }
            }
        }
        out.push_str(&self.syntax_error_location(exc));
        let bare = self.exc_summary(exc);
        let mut summary = bare.clone();
        if suggest {
            summary.push_str(&self.suggestion_suffix(exc, globals));
        }
        out.push_str(&summary);
        out.push('\n');
        (summary, bare)
    }

    pub fn exc_attr(&self, exc: &Value, name: &str) -> Option<Value> {
        match exc {
            Value::Instance(i) => i.get_attr(name),
            _ => None,
        }
    }
}

impl Vm {
    /// CPython's `PyErr_WriteUnraisable` for an error nobody can catch (a
    /// generator closed as it is dropped): "Exception ignored in: <obj>"
    /// and the exception's traceback, on stderr.
    #[cold]
    pub(crate) fn report_unraisable(&mut self, exc: &Value, obj: &Value) {
        // A tripped limit ends the run: nothing to report, no code to run.
        if self.limit_tripped() {
            return;
        }
        let r = self.repr(obj).unwrap_or_else(|_| "<object>".to_string());
        // One exception, no chain; its last line always "Type: message"
        // (CPython's default unraisable hook), even for an empty message.
        // (`str(exc)` is called once, by format_one; the C hook suggests nothing.)
        let mut text = String::new();
        let (mut summary, _) = self.format_one(exc, &mut text, None, false);
        text.truncate(text.len() - summary.len() - 1);
        if !summary.contains(": ") {
            summary.push_str(": ");
        }
        self.write_stderr_str(&format!("Exception ignored in: {r}\n{text}{summary}\n"));
    }
}

/// An uncaught exception as CPython prints it (`Vm::format_traceback`).
pub struct TracebackText {
    /// The whole traceback, chained exceptions included.
    pub text: String,
    /// Its last line, with any "Did you mean" suggestion.
    pub summary: String,
    /// The exception's class as the last line names it.
    pub type_name: String,
    /// `str(exc)` as the last line shows it (for a SyntaxError, its msg).
    pub message: String,
}
