//! A collection that runs while native code holds a container borrowed
//! (mutably or not) leaves it and what it holds alone.

use crate::value::Value;

/// A list holding itself and a dict holding the list: garbage once dropped.
fn cycle() -> Value {
    let l = Value::list(vec![]);
    let d = Value::dict(Default::default());
    if let (Value::List(lr), Value::Dict(dr)) = (&l, &d) {
        lr.borrow_mut().push(l.clone());
        lr.borrow_mut().push(d.clone());
        dr.borrow_mut().set_str("l", l.clone());
    }
    l
}

#[test]
fn borrowed_containers_are_left_alone() {
    crate::gc::collect(2);
    let Value::List(rc) = cycle() else {
        unreachable!()
    };
    let weak = std::rc::Rc::downgrade(&rc);
    {
        // Mutably borrowed: cannot be looked into, counts as reachable.
        let guard = rc.borrow_mut();
        assert_eq!(crate::gc::collect(2), 0);
        assert_eq!(guard.len(), 2);
    }
    {
        // The dict inside, borrowed mutably through the list.
        let items = rc.borrow();
        let Value::Dict(d) = &items[1] else {
            unreachable!()
        };
        let guard = d.borrow_mut();
        assert_eq!(crate::gc::collect(2), 0);
        assert!(guard.get_str("l").is_some());
    }
    // Now nothing outside holds it: the list and the dict go.
    drop(rc);
    assert_eq!(crate::gc::collect(2), 2);
    assert!(weak.upgrade().is_none());
}
