# An unknown future feature is a SyntaxError naming it
from __future__ import nosuch
