"""cordbus for Python: a Discord bot on the cordbus event bus (over the Vert.x TCP event-bus bridge), in the style
of discord.py's family. Standard library only; Python 3.11+."""

from .bot import Bot, Gateway, address_of
from .connection import Connection
from .errors import (BridgeError, CordbusError, DiscordServerError, Forbidden, HTTPException, NotFound,
                     RateLimited, Rebuilding, ReplyError, RestError, StateError)
from .payload import Meta, Payload, Update
from .rest import Rest
from .state import State

__all__ = ["Bot", "Gateway", "Connection", "Rest", "State", "Meta", "Payload", "Update", "address_of",
           "CordbusError", "BridgeError", "ReplyError", "HTTPException", "Forbidden", "NotFound",
           "DiscordServerError", "RateLimited", "RestError", "StateError", "Rebuilding"]
__version__ = "0.1.0"
