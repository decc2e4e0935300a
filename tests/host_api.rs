//! The embedding API as a host uses it: values both ways, state kept
//! between runs, calls into the script, and errors as data.

use std::collections::{BTreeMap, HashMap};

use krait::{Error, Interpreter};

#[test]
fn eval_returns_typed_values() {
    let mut interp = Interpreter::new();
    assert_eq!(interp.eval::<i64>("1 + 2").unwrap(), 3);
    assert_eq!(interp.eval::<f64>("7 / 2").unwrap(), 3.5);
    assert!(interp.eval::<bool>("3 > 2").unwrap());
    assert_eq!(interp.eval::<String>("'ab' * 2").unwrap(), "abab");
    assert_eq!(interp.eval::<Vec<i32>>("[1, 2, 3]").unwrap(), vec![1, 2, 3]);
    assert_eq!(interp.eval::<Vec<u8>>("(4, 5)").unwrap(), vec![4, 5]);
    assert_eq!(interp.eval::<Option<i64>>("None").unwrap(), None);
    assert_eq!(interp.eval::<Option<i64>>("4").unwrap(), Some(4));
    assert_eq!(
        interp.eval::<(i64, String, f64)>("(1, 'x', 2.5)").unwrap(),
        (1, "x".to_string(), 2.5)
    );
    let m: HashMap<String, Vec<i64>> = interp.eval("{'a': [1], 'b': []}").unwrap();
    assert_eq!(m["a"], vec![1]);
    assert!(m["b"].is_empty());
    // An int converts to float as CPython's PyFloat_AsDouble takes it.
    assert_eq!(interp.eval::<f64>("2 ** 10").unwrap(), 1024.0);
    // A subclass of a built-in type converts as that type.
    interp.run("class I(int):\n    pass\n").unwrap();
    assert_eq!(interp.eval::<i64>("I(7)").unwrap(), 7);
    // Leading blanks are stripped, as `eval` strips them.
    assert_eq!(interp.eval::<i64>("   40 + 2").unwrap(), 42);
}

#[test]
fn big_integers_cross_both_ways() {
    let mut interp = Interpreter::new();
    let big: krait::BigInt = interp.eval("2 ** 100").unwrap();
    assert_eq!(big.to_string(), "1267650600228229401496703205376");
    assert_eq!(interp.eval::<i128>("-(2 ** 100)").unwrap(), -(1i128 << 100));
    assert_eq!(interp.eval::<u128>("2 ** 127").unwrap(), 1u128 << 127);
    interp.set_global("n", u64::MAX);
    assert_eq!(
        interp.eval::<String>("str(n + 1)").unwrap(),
        "18446744073709551616"
    );
    interp.set_global("b", big);
    assert!(interp.eval::<bool>("b == 2 ** 100").unwrap());
}

#[test]
fn conversions_that_fail_are_python_errors() {
    let mut interp = Interpreter::new();
    let e = interp.eval::<i64>("'x'").unwrap_err();
    let Error::Exception(e) = e else {
        panic!("{e:?}")
    };
    assert_eq!(e.type_name, "TypeError");
    assert_eq!(e.message, "the result must be int, not str");
    let e = interp.eval::<String>("1").unwrap_err();
    assert_eq!(e.to_string(), "TypeError: the result must be str, not int");
    let e = interp.eval::<u8>("256").unwrap_err();
    assert_eq!(
        e.to_string(),
        "OverflowError: Python int too large to convert to u8"
    );
    let e = interp.eval::<i64>("2 ** 64").unwrap_err();
    assert_eq!(e.type_name(), "OverflowError");
    let e = interp.eval::<(i64, i64)>("(1, 2, 3)").unwrap_err();
    assert_eq!(
        e.to_string(),
        "TypeError: the result must be a tuple of 2 items, not 3"
    );
    let e = interp.eval::<HashMap<String, i64>>("{1: 2}").unwrap_err();
    assert_eq!(e.to_string(), "TypeError: keys must be str, not int");
}

#[test]
fn globals_persist_between_runs() {
    let mut interp = Interpreter::new();
    interp.set_global("name", "krait");
    interp.set_global("sizes", vec![1, 2, 3]);
    let mut limits = BTreeMap::new();
    limits.insert("depth".to_string(), 10);
    interp.set_global("limits", limits);
    interp
        .run("greeting = 'hello ' + name\ntotal = sum(sizes) + limits['depth']\n")
        .unwrap();
    interp.run("total += 1\n").unwrap();
    assert_eq!(
        interp.get_global::<String>("greeting").unwrap(),
        "hello krait"
    );
    assert_eq!(interp.get_global::<i64>("total").unwrap(), 17);
    assert_eq!(interp.eval::<i64>("total").unwrap(), 17);
    let e = interp.get_global::<i64>("missing").unwrap_err();
    assert_eq!(e.to_string(), "NameError: name 'missing' is not defined");
    let e = interp.get_global::<i64>("greeting").unwrap_err();
    assert_eq!(
        e.to_string(),
        "TypeError: global 'greeting' must be int, not str"
    );
    // The namespace is `__main__`'s.
    assert_eq!(interp.eval::<String>("__name__").unwrap(), "__main__");
    interp
        .run("import sys\nsame = sys.modules['__main__'].total == total\n")
        .unwrap();
    assert!(interp.get_global::<bool>("same").unwrap());
}

#[test]
fn reset_gives_a_fresh_namespace() {
    let mut interp = Interpreter::new();
    interp.run("x = 1\n").unwrap();
    interp.reset();
    let e = interp.eval::<i64>("x").unwrap_err();
    let Error::Exception(e) = e else {
        panic!("{e:?}")
    };
    assert_eq!(e.summary, "NameError: name 'x' is not defined");
    // A generator suspended in a `try` block closes as at CPython's exit.
    interp
        .run("def g():\n    try:\n        yield 1\n    finally:\n        global closed\n        closed = True\nit = g()\nnext(it)\n")
        .unwrap();
    interp.set_global("closed", false);
    interp
        .run("import sys\nns = sys.modules['__main__'].__dict__\n")
        .unwrap();
    interp.reset();
    interp.run("y = 2\n").unwrap();
    assert_eq!(interp.eval::<i64>("y").unwrap(), 2);
}

#[test]
fn calls_into_script_functions() {
    let mut interp = Interpreter::new();
    interp
        .run("def add(a, b):\n    return a + b\n\ndef fail(x):\n    return 1 / x\n\nclass Box:\n    def __init__(self, v):\n        self.v = v\n")
        .unwrap();
    assert_eq!(interp.call::<i64>("add", (2, 3)).unwrap(), 5);
    assert_eq!(interp.call::<String>("add", ("a", "b")).unwrap(), "ab");
    assert_eq!(
        interp
            .call::<Vec<i64>>("add", (vec![1], vec![2, 3]))
            .unwrap(),
        vec![1, 2, 3]
    );
    assert_eq!(interp.call::<i64>("len", ("four",)).unwrap(), 4);
    interp.call::<()>("Box", (1,)).unwrap();
    let e = interp.call::<i64>("add", (1,)).unwrap_err();
    assert_eq!(
        e.to_string(),
        "TypeError: add() missing 1 required positional argument: 'b'"
    );
    let e = interp.call::<f64>("fail", (0,)).unwrap_err();
    let Error::Exception(e) = e else {
        panic!("{e:?}")
    };
    assert_eq!(e.type_name, "ZeroDivisionError");
    assert_eq!(e.message, "division by zero");
    assert_eq!(e.traceback.len(), 1);
    assert_eq!(e.traceback[0].function, "fail");
    assert_eq!(e.traceback[0].line, 5);
    let e = interp.call::<i64>("nope", ()).unwrap_err();
    assert_eq!(e.to_string(), "NameError: name 'nope' is not defined");
    let e = interp.call::<i64>("add", (1, 2.5)).unwrap_err();
    assert_eq!(
        e.to_string(),
        "TypeError: the result of add() must be int, not float"
    );
}

#[test]
fn errors_carry_type_message_and_traceback() {
    let mut interp = Interpreter::new();
    let src =
        "def inner():\n    raise ValueError('bad value')\n\ndef outer():\n    inner()\n\nouter()\n";
    let e = interp.run_source("prog.py", src).unwrap_err();
    let Error::Exception(ex) = &e else {
        panic!("{e:?}")
    };
    assert_eq!(ex.type_name, "ValueError");
    assert_eq!(ex.message, "bad value");
    assert_eq!(ex.summary, "ValueError: bad value");
    let frames: Vec<(&str, u32, &str)> = ex
        .traceback
        .iter()
        .map(|f| (f.filename.as_str(), f.line, f.function.as_str()))
        .collect();
    assert_eq!(
        frames,
        vec![
            ("prog.py", 7, "<module>"),
            ("prog.py", 5, "outer"),
            ("prog.py", 2, "inner")
        ]
    );
    assert_eq!(
        e.to_string(),
        "Traceback (most recent call last):\n  File \"prog.py\", line 7, in <module>\n    outer()\n  File \"prog.py\", line 5, in outer\n    inner()\n  File \"prog.py\", line 2, in inner\n    raise ValueError('bad value')\nValueError: bad value"
    );
    // A std error: boxed, and `?` into `Box<dyn Error>`.
    let boxed: Box<dyn std::error::Error> = Box::new(e);
    assert!(boxed.to_string().ends_with("ValueError: bad value"));
    // A class of the script's own module is named as CPython names it.
    let e = interp
        .run("class Oops(Exception):\n    pass\nraise Oops()\n")
        .unwrap_err();
    assert_eq!(e.type_name(), "Oops");
    let Error::Exception(ex) = e else { panic!() };
    assert_eq!(ex.message, "");
    assert_eq!(ex.summary, "Oops");
}

#[test]
fn syntax_errors_carry_line_and_column() {
    let mut interp = Interpreter::new();
    let e = interp
        .run_source("bad.py", "x = 1\ny = (2 +\n")
        .unwrap_err();
    let Error::Syntax(s) = &e else {
        panic!("{e:?}")
    };
    assert_eq!(s.type_name, "SyntaxError");
    assert_eq!(s.message, "'(' was never closed");
    assert_eq!((s.line, s.column), (2, 5));
    assert_eq!(s.filename, "bad.py");
    assert_eq!(
        e.to_string(),
        "  File \"bad.py\", line 2\n    y = (2 +\n        ^\nSyntaxError: '(' was never closed"
    );
    let e = interp.run("if x:\nprint(1)\n").unwrap_err();
    assert_eq!(e.type_name(), "IndentationError");
    let e = interp.eval::<i64>("1 +").unwrap_err();
    assert_eq!(e.type_name(), "SyntaxError");
}

#[test]
fn exit_is_its_own_error() {
    let mut interp = Interpreter::new();
    let e = interp.run("import sys\nsys.exit(3)\n").unwrap_err();
    assert_eq!(
        e,
        Error::Exit {
            code: 3,
            message: None
        }
    );
    let e = interp.run("raise SystemExit('bye')\n").unwrap_err();
    assert_eq!(
        e,
        Error::Exit {
            code: 1,
            message: Some("bye".into())
        }
    );
    assert_eq!(e.type_name(), "SystemExit");
}

#[test]
fn host_functions_are_closures_with_typed_arguments() {
    use std::sync::{Arc, Mutex};
    let calls = Arc::new(Mutex::new(Vec::<String>::new()));
    let mut interp = Interpreter::new();
    let log = calls.clone();
    interp.register_fn("log", move |msg: String| {
        log.lock().unwrap().push(msg);
    });
    let mut count = 0;
    interp.register_fn("tick", move || {
        count += 1;
        count
    });
    interp.register_fn("scale", |v: Vec<f64>, k: f64| -> Vec<f64> {
        v.into_iter().map(|x| x * k).collect()
    });
    interp.register_fn("checked_div", |a: i64, b: i64| {
        if b == 0 {
            Err(krait::Raise::new(
                krait::ExcType::ZeroDivisionError,
                "no zeros here",
            ))
        } else {
            Ok(a / b)
        }
    });
    interp
        .run("log('start')\nt = [tick(), tick(), tick()]\ns = scale([1, 2.5], 2)\n")
        .unwrap();
    assert_eq!(interp.get_global::<Vec<i64>>("t").unwrap(), vec![1, 2, 3]);
    assert_eq!(interp.get_global::<Vec<f64>>("s").unwrap(), vec![2.0, 5.0]);
    assert_eq!(*calls.lock().unwrap(), ["start"]);
    // Returning nothing is None.
    assert!(interp.eval::<bool>("log('x') is None").unwrap());
    // CPython's errors for wrong calls of a built-in.
    // (The last line of the traceback.)
    let err = |interp: &mut Interpreter, src: &str| match interp.eval::<i64>(src) {
        Err(Error::Exception(e)) => e.summary,
        other => panic!("{other:?}"),
    };
    assert_eq!(
        err(&mut interp, "tick(1)"),
        "TypeError: tick() takes no arguments (1 given)"
    );
    assert_eq!(
        err(&mut interp, "log()"),
        "TypeError: log() takes exactly one argument (0 given)"
    );
    assert_eq!(
        err(&mut interp, "checked_div(1)"),
        "TypeError: checked_div expected 2 arguments, got 1"
    );
    assert_eq!(
        err(&mut interp, "log(3)"),
        "TypeError: log() argument 1 must be str, not int"
    );
    assert_eq!(
        err(&mut interp, "scale([1, 'a'], 2)"),
        "TypeError: scale() argument 1 must be real number, not str"
    );
    assert_eq!(
        err(&mut interp, "log(msg='x')"),
        "TypeError: log() takes no keyword arguments"
    );
    // An error the closure returns is raised where the script called it.
    assert_eq!(
        err(&mut interp, "checked_div(1, 0)"),
        "ZeroDivisionError: no zeros here"
    );
    interp
        .run("try:\n    checked_div(1, 0)\nexcept ZeroDivisionError as e:\n    caught = str(e)\n")
        .unwrap();
    assert_eq!(
        interp.get_global::<String>("caught").unwrap(),
        "no zeros here"
    );
    // It is a built-in function to the script.
    assert_eq!(
        interp.eval::<String>("repr(tick)").unwrap(),
        "<built-in function tick>"
    );
    assert_eq!(
        interp.eval::<String>("type(tick).__name__").unwrap(),
        "builtin_function_or_method"
    );
}

#[test]
fn a_profiler_sees_host_functions_as_c_calls() {
    let mut interp = Interpreter::new();
    interp.register_fn("host", |x: i64| x + 1);
    interp
        .run("import sys\nseen = []\ndef prof(frame, event, arg):\n    if event.startswith('c_'):\n        seen.append((event, arg.__name__))\nsys.setprofile(prof)\nhost(1)\nsys.setprofile(None)\n")
        .unwrap();
    let seen: Vec<(String, String)> = interp.get_global("seen").unwrap();
    let seen: Vec<(&str, &str)> = seen.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    assert_eq!(
        seen,
        [
            ("c_call", "host"),
            ("c_return", "host"),
            ("c_call", "setprofile")
        ]
    );
}

#[test]
fn host_modules_are_imported_like_built_in_ones() {
    let mut m = krait::Module::new("host_api");
    m.function("double", |x: i64| x * 2)
        .function("name", || "host".to_string())
        .value("LIMITS", vec![1, 2]);
    let mut interp = Interpreter::new();
    interp.register_module(m);
    interp
        .run("import host_api\nfrom host_api import double, LIMITS\nr = (host_api.double(4), double(1), host_api.name(), LIMITS, host_api.__name__)\n")
        .unwrap();
    let r: (i64, i64, String, Vec<i64>, String) = interp.get_global("r").unwrap();
    assert_eq!(r, (8, 2, "host".into(), vec![1, 2], "host_api".into()));
    // Only registered modules: the rest is still ModuleNotFoundError.
    let e = interp.run("import host_other\n").unwrap_err();
    assert_eq!(e.type_name(), "ModuleNotFoundError");
    let e = interp.run("from host_api import nothing\n").unwrap_err();
    assert_eq!(
        e.to_string().lines().last().unwrap(),
        "ImportError: cannot import name 'nothing' from 'host_api' (unknown location)"
    );
}

#[test]
fn output_goes_to_the_hosts_sinks_in_lines() {
    use std::sync::{Arc, Mutex};
    let out = Arc::new(Mutex::new(Vec::<String>::new()));
    let err = Arc::new(Mutex::new(String::new()));
    let mut interp = Interpreter::new();
    let (o, e) = (out.clone(), err.clone());
    interp.on_print(move |text| o.lock().unwrap().push(text.to_string()));
    interp.on_stderr(move |text| e.lock().unwrap().push_str(text));
    interp
        .run("import sys\nprint('one', 2, sep='-')\nsys.stdout.write('par')\nsys.stdout.write('tial\\nrest')\nprint('warn', file=sys.stderr)\nsys.stderr.write('x\\n')\n")
        .unwrap();
    // Whole lines; what waited for its newline went first when stderr was written.
    assert_eq!(*out.lock().unwrap(), ["one-2\n", "partial\n", "rest"]);
    assert_eq!(*err.lock().unwrap(), "warn\nx\n");
    interp.run("print('é', end='')\n").unwrap();
    assert_eq!(out.lock().unwrap().last().unwrap(), "é");
}

#[test]
fn input_reads_the_hosts_lines_or_nothing() {
    let mut interp = Interpreter::new();
    // No source: stdin is at its end at once.
    let e = interp.run("input()").unwrap_err();
    assert_eq!(e.type_name(), "EOFError");
    interp
        .run("import sys\nempty = sys.stdin.read()\n")
        .unwrap();
    assert_eq!(interp.get_global::<String>("empty").unwrap(), "");
    let mut lines = vec![
        "first\n".to_string(),
        "second\n".to_string(),
        "third".to_string(),
    ]
    .into_iter();
    interp.set_input(move || lines.next());
    interp
        .run("import sys\na = input()\nb = sys.stdin.readline()\nc = sys.stdin.read()\n")
        .unwrap();
    let got: (String, String, String) = interp.eval("(a, b, c)").unwrap();
    assert_eq!(got, ("first".into(), "second\n".into(), "third".into()));
}

#[test]
fn the_clock_is_the_hosts_to_give() {
    let mut interp = Interpreter::new();
    let e = interp.run("import time\ntime.time()\n").unwrap_err();
    let Error::Exception(e) = e else {
        panic!("{e:?}")
    };
    assert_eq!(
        e.summary,
        "PermissionError: time.time() reads a clock, and the host gave this interpreter none"
    );
    // Catchable as CPython's PermissionError, an OSError.
    interp
        .run("try:\n    time.perf_counter()\nexcept OSError as e:\n    denied = type(e).__name__\n")
        .unwrap();
    assert_eq!(
        interp.get_global::<String>("denied").unwrap(),
        "PermissionError"
    );
    interp.set_clock(|| 1_700_000_000.25);
    assert_eq!(interp.eval::<f64>("time.time()").unwrap(), 1_700_000_000.25);
    interp.allow_clock(true);
    assert!(interp.eval::<f64>("time.time()").unwrap() > 1_700_000_000.0);
    assert!(interp
        .eval::<bool>("0 <= time.perf_counter() < 60")
        .unwrap());
}
