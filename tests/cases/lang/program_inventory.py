# Checks a complete program: an inventory with orders, sorting by several keys, grouping with dicts, report formatting and error handling.
class OutOfStock(Exception):
    def __init__(self, sku, wanted, have):
        super().__init__("%s: wanted %d, have %d" % (sku, wanted, have))
        self.sku = sku
class Item:
    def __init__(self, sku, name, category, price, qty):
        self.sku, self.name, self.category, self.price, self.qty = sku, name, category, price, qty
    def value(self):
        return self.price * self.qty
    def __repr__(self):
        return "Item(%s)" % self.sku
class Inventory:
    def __init__(self):
        self.items = {}
        self.log = []
    def add(self, item):
        self.items[item.sku] = item
    def order(self, sku, n):
        item = self.items.get(sku)
        if item is None:
            raise KeyError(sku)
        if item.qty < n:
            raise OutOfStock(sku, n, item.qty)
        item.qty -= n
        self.log.append((sku, n))
        return item.price * n
    def by_category(self):
        groups = {}
        for item in self.items.values():
            groups.setdefault(item.category, []).append(item)
        return groups
    def report(self):
        lines = []
        for cat, items in sorted(self.by_category().items()):
            total = sum(i.value() for i in items)
            lines.append("%-8s %3d items  %10.2f" % (cat, sum(i.qty for i in items), total))
            for i in sorted(items, key=lambda i: (-i.value(), i.name)):
                lines.append("  %-6s %-14s %4d x %7.2f" % (i.sku, i.name, i.qty, i.price))
        return "\n".join(lines)
inv = Inventory()
data = [("A1", "bolt", "hardware", 0.25, 400), ("A2", "nut", "hardware", 0.1, 1000), ("B1", "hammer", "tools", 12.5, 10),
        ("B2", "saw", "tools", 24.99, 4), ("C1", "glue", "supplies", 3.75, 30), ("C2", "tape", "supplies", 2.5, 0)]
for row in data:
    inv.add(Item(*row))
print(inv.report())
revenue = 0
for sku, n in [("A1", 100), ("B2", 5), ("C2", 1), ("Z9", 1), ("B2", 4), ("A2", 999)]:
    try:
        got = inv.order(sku, n)
        revenue += got
        print("ordered", n, sku, "for %.2f" % got)
    except OutOfStock as e:
        print("out of stock:", e, e.sku)
    except KeyError as e:
        print("no such sku", e)
print("revenue %.2f" % revenue, inv.log)
print(inv.report())
cheapest = min(inv.items.values(), key=lambda i: i.price)
richest = max(inv.items.values(), key=Item.value)
print(cheapest, richest, [i.sku for i in inv.items.values() if i.qty == 0])
