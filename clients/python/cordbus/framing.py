"""The TCP event-bus bridge's wire format: each frame is a 4-byte big-endian length and that many bytes of
UTF-8 JSON (one object), in both directions. Pure functions, no I/O."""

from __future__ import annotations

import json
import struct
from typing import Any

#: Largest frame accepted from the bridge (a guild create of a large guild fits many times over).
MAX_FRAME = 64 * 1024 * 1024

_LENGTH = struct.Struct(">I")


class FrameError(ValueError):
    """A frame that cannot be decoded: too long, not UTF-8 JSON, or not an object."""


def encode(frame: dict[str, Any]) -> bytes:
    """Encodes one frame (a JSON object) with its length prefix."""
    data = json.dumps(frame, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    return _LENGTH.pack(len(data)) + data


class FrameDecoder:
    """Accumulates bytes read from the socket and returns each complete frame, in order."""

    def __init__(self, max_frame: int = MAX_FRAME) -> None:
        self._buffer = bytearray()
        self._max = max_frame

    def feed(self, chunk: bytes) -> list[dict[str, Any]]:
        """Adds ``chunk`` and returns the frames it completed. Raises FrameError on a bad frame (the stream is then
        out of step: close the connection)."""
        buf = self._buffer
        buf.extend(chunk)
        frames = []
        at = 0
        end = len(buf)
        try:
            while end - at >= 4:
                (length,) = _LENGTH.unpack_from(buf, at)
                if length > self._max:
                    raise FrameError(f"frame of {length} bytes is larger than the limit of {self._max}")
                if end - at < 4 + length:
                    break
                raw = bytes(buf[at + 4:at + 4 + length])
                at += 4 + length
                try:
                    frame = json.loads(raw.decode("utf-8"))
                except (UnicodeDecodeError, json.JSONDecodeError) as e:
                    raise FrameError(f"frame is not UTF-8 JSON: {e}") from e
                if not isinstance(frame, dict):
                    raise FrameError(f"frame is a JSON {type(frame).__name__}, expected an object")
                frames.append(frame)
        finally:
            # One move per read instead of one per frame.
            del buf[:at]
        return frames

    @property
    def pending(self) -> int:
        """Bytes received that do not yet form a whole frame."""
        return len(self._buffer)
