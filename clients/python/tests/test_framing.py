import json
import struct
import unittest

from cordbus.framing import FrameDecoder, FrameError, encode


class FramingTest(unittest.TestCase):
    def test_encode_is_big_endian_length_and_utf8_json(self):
        data = encode({"type": "register", "address": "discord.MESSAGE_CREATE", "emoji": "👍"})
        (length,) = struct.unpack(">I", data[:4])
        self.assertEqual(len(data) - 4, length)
        self.assertEqual("👍", json.loads(data[4:].decode("utf-8"))["emoji"])

    def test_frames_split_across_reads_and_several_in_one_read(self):
        a, b = encode({"n": 1}), encode({"n": 2, "s": "x" * 1000})
        stream = a + b
        d = FrameDecoder()
        got = []
        for i in range(0, len(stream), 7):
            got += d.feed(stream[i:i + 7])
        self.assertEqual([1, 2], [f["n"] for f in got])
        self.assertEqual(0, d.pending)
        self.assertEqual([{"n": 1}, {"n": 2, "s": "x" * 1000}], FrameDecoder().feed(stream))

    def test_bad_frames_are_reported_not_swallowed(self):
        with self.assertRaisesRegex(FrameError, "not UTF-8 JSON"):
            FrameDecoder().feed(struct.pack(">I", 3) + b"{x}")
        with self.assertRaisesRegex(FrameError, "expected an object"):
            FrameDecoder().feed(struct.pack(">I", 2) + b"[]")
        with self.assertRaisesRegex(FrameError, "larger than the limit"):
            FrameDecoder(max_frame=10).feed(struct.pack(">I", 11))


if __name__ == "__main__":
    unittest.main()
