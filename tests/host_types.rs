//! Host object types (`krait::UserData`) as a host uses them: values of a
//! Rust type crossing into scripts as objects of a class the host
//! declares, with a constructor, methods, attributes and dunders, and
//! CPython's errors for a built-in type's misuse.

use krait::{ClassBuilder, Error, ExcType, Interpreter, Raise, UserData};

#[derive(Clone, Debug, PartialEq)]
struct Account {
    owner: String,
    cents: i64,
}

impl UserData for Account {
    const NAME: &'static str = "Account";
    fn build(class: &mut ClassBuilder<Self>) {
        class
            .constructor(|owner: String, cents: i64| Account { owner, cents })
            .method("deposit", |a: &mut Account, cents: i64| {
                if cents <= 0 {
                    return Err(Raise::new(ExcType::ValueError, "deposit must be positive"));
                }
                a.cents += cents;
                Ok(a.cents)
            })
            .method("transfer", |a: &mut Account, to: Account, cents: i64| {
                a.cents -= cents;
                (a.cents, to.cents + cents)
            })
            .getter("owner", |a: &Account| a.owner.clone())
            .getter("cents", |a: &Account| a.cents)
            .setter("cents", |a: &mut Account, c: i64| a.cents = c)
            .method("__repr__", |a: &mut Account| {
                format!("Account({:?}, {})", a.owner, a.cents)
            })
            .method("__len__", |a: &mut Account| a.owner.len())
            .method("__eq__", |a: &mut Account, b: Option<Account>| {
                b.is_some_and(|b| b == *a)
            });
    }
}

/// A type with no constructor: only the host makes them.
#[derive(Clone)]
struct Token(u32);

impl UserData for Token {
    const NAME: &'static str = "Token";
    fn build(class: &mut ClassBuilder<Self>) {
        class.getter("id", |t: &Token| t.0);
    }
}

fn exception(r: Result<(), Error>) -> (String, String) {
    match r {
        Err(Error::Exception(e)) => (e.type_name, e.message),
        other => panic!("expected an exception, got {other:?}"),
    }
}

#[test]
fn objects_cross_both_ways_and_keep_their_state() {
    let mut interp = Interpreter::new();
    interp.register_type::<Account>();
    interp.set_global(
        "acct",
        Account {
            owner: "ada".into(),
            cents: 100,
        },
    );
    interp
        .run("acct.deposit(50)\nb = Account('bob', 5)\nleft, got = acct.transfer(b, 30)\n")
        .unwrap();
    let acct: Account = interp.get_global("acct").unwrap();
    assert_eq!(acct.cents, 120);
    assert_eq!(interp.eval::<(i64, i64)>("(left, got)").unwrap(), (120, 35));
    // `transfer` received a copy of b: b itself is unchanged.
    assert_eq!(interp.eval::<i64>("b.cents").unwrap(), 5);
    assert_eq!(
        interp.eval::<String>("repr(acct) + ' ' + str(b)").unwrap(),
        "Account(\"ada\", 120) Account(\"bob\", 5)"
    );
    assert_eq!(interp.eval::<usize>("len(acct)").unwrap(), 3);
    assert!(interp
        .eval::<bool>("acct == Account('ada', 120) and acct != b")
        .unwrap());
    assert!(interp
        .eval::<bool>(
            "isinstance(b, Account) and type(b) is Account and type(b).__name__ == 'Account'"
        )
        .unwrap());
    interp.run("b.cents = 7\nb.note = 'kept'\n").unwrap();
    assert_eq!(
        interp.eval::<(i64, String)>("(b.cents, b.note)").unwrap(),
        (7, "kept".into())
    );
}

#[test]
fn misuse_raises_cpythons_errors() {
    let mut interp = Interpreter::new();
    interp.register_type::<Account>();
    interp.register_type::<Token>();
    interp.set_global("t", Token(7));
    interp.run("a = Account('ada', 1)\n").unwrap();
    let cases: [(&str, &str, &str); 8] = [
        (
            "a.deposit()",
            "TypeError",
            "Account.deposit() takes exactly one argument (0 given)",
        ),
        (
            "a.deposit('x')",
            "TypeError",
            "Account.deposit() argument 1 must be int, not str",
        ),
        ("a.deposit(-1)", "ValueError", "deposit must be positive"),
        (
            "Account('ada')",
            "TypeError",
            "Account() takes exactly 2 arguments (1 given)",
        ),
        ("Token()", "TypeError", "cannot create 'Token' instances"),
        (
            "t.id = 3",
            "AttributeError",
            "property 'id' of 'Token' object has no setter",
        ),
        (
            "Account.deposit(t, 1)",
            "TypeError",
            "descriptor 'deposit' for 'Account' objects doesn't apply to a 'Token' object",
        ),
        (
            "a.transfer(t, 1)",
            "TypeError",
            "Account.transfer() argument 1 must be Account, not Token",
        ),
    ];
    for (code, ty, msg) in cases {
        let (t, m) = exception(interp.run(code));
        assert_eq!((t.as_str(), m.as_str()), (ty, msg), "{code}");
    }
    // The script can catch them.
    interp
        .run("try:\n    a.deposit(0)\nexcept ValueError as e:\n    caught = str(e)\n")
        .unwrap();
    assert_eq!(
        interp.get_global::<String>("caught").unwrap(),
        "deposit must be positive"
    );
    // A host function taking the wrong host type.
    interp.register_fn("owner_of", |a: Account| a.owner);
    let (t, m) = exception(interp.run("owner_of(t)"));
    assert_eq!(
        (t.as_str(), m.as_str()),
        (
            "TypeError",
            "owner_of() argument 1 must be Account, not Token"
        )
    );
    assert_eq!(interp.eval::<String>("owner_of(a)").unwrap(), "ada");
}

#[test]
fn scripts_subclass_a_host_type() {
    let mut interp = Interpreter::new();
    interp.register_type::<Account>();
    interp
        .run(
            "class Savings(Account):\n    rate = 2\n    def grow(self):\n        return self.deposit(self.cents * self.rate)\n\ns = Savings('cy', 10)\ngrown = s.grow()\n",
        )
        .unwrap();
    assert_eq!(interp.eval::<i64>("grown").unwrap(), 30);
    assert!(interp
        .eval::<bool>("isinstance(s, Account) and type(s).__name__ == 'Savings'")
        .unwrap());
    // Out as the host type it is.
    let s: Account = interp.get_global("s").unwrap();
    assert_eq!(s.owner, "cy");
}

#[test]
fn unregistered_types_still_cross() {
    let mut interp = Interpreter::new();
    interp.set_global("t", Token(3));
    assert_eq!(interp.eval::<u32>("t.id").unwrap(), 3);
    assert_eq!(interp.eval::<String>("type(t).__name__").unwrap(), "Token");
    let (t, m) = exception(interp.run("Token"));
    assert_eq!(
        (t.as_str(), m.as_str()),
        ("NameError", "name 'Token' is not defined")
    );
}
