# A future import after another statement is a SyntaxError
import os
from __future__ import annotations
