# Checks an uncaught NotImplementedError from an abstract-style method.
class Base:
    def run(self):
        return self.step() * 2
    def step(self):
        raise NotImplementedError("step() must be overridden")
class Good(Base):
    def step(self):
        return 21
print(Good().run())
Base().run()
