using System.Text;

namespace FrontDesk.Channels.Tests.Twilio;

/// <summary>
/// Independent implementation of Twilio's request signature, written from protocols.md without
/// looking at (or calling) the production code: its own SHA-1, its own HMAC, its own code-point
/// ordering. Tests sign requests with this and check that production accepts them.
/// </summary>
internal static class TwilioSignatureOracle
{
    public static string Sign(string url, IEnumerable<(string Name, string Value)> parameters, string authToken)
    {
        var ordered = parameters.ToList();
        ordered.Sort((x, y) =>
        {
            var byName = CompareCodePoints(x.Name, y.Name);
            return byName != 0 ? byName : CompareCodePoints(x.Value, y.Value);
        });

        var text = url + string.Concat(ordered.Select(p => p.Name + p.Value));
        return Convert.ToBase64String(HmacSha1(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>Code-point order, which is the byte-wise order of UTF-8 encodings.</summary>
    public static int CompareCodePoints(string x, string y)
    {
        var left = x.EnumerateRunes().Select(r => r.Value).ToArray();
        var right = y.EnumerateRunes().Select(r => r.Value).ToArray();
        for (var i = 0; i < Math.Min(left.Length, right.Length); i++)
        {
            if (left[i] != right[i])
            {
                return left[i] < right[i] ? -1 : 1;
            }
        }

        return left.Length.CompareTo(right.Length);
    }

    public static byte[] HmacSha1(byte[] key, byte[] message)
    {
        const int blockSize = 64;
        if (key.Length > blockSize)
        {
            key = Sha1(key);
        }

        var paddedKey = new byte[blockSize];
        key.CopyTo(paddedKey, 0);
        var inner = new byte[blockSize + message.Length];
        var outerKey = new byte[blockSize];
        for (var i = 0; i < blockSize; i++)
        {
            inner[i] = (byte)(paddedKey[i] ^ 0x36);
            outerKey[i] = (byte)(paddedKey[i] ^ 0x5c);
        }

        message.CopyTo(inner, blockSize);
        return Sha1([.. outerKey, .. Sha1(inner)]);
    }

    /// <summary>FIPS 180-4 SHA-1, straight from the specification.</summary>
    public static byte[] Sha1(byte[] message)
    {
        uint h0 = 0x67452301, h1 = 0xEFCDAB89, h2 = 0x98BADCFE, h3 = 0x10325476, h4 = 0xC3D2E1F0;

        var paddedLength = ((message.Length + 8) / 64 + 1) * 64;
        var data = new byte[paddedLength];
        message.CopyTo(data, 0);
        data[message.Length] = 0x80;
        var bitLength = (ulong)message.Length * 8;
        for (var i = 0; i < 8; i++)
        {
            data[paddedLength - 1 - i] = (byte)(bitLength >> (8 * i));
        }

        var w = new uint[80];
        for (var chunk = 0; chunk < paddedLength; chunk += 64)
        {
            for (var i = 0; i < 16; i++)
            {
                var at = chunk + (4 * i);
                w[i] = ((uint)data[at] << 24) | ((uint)data[at + 1] << 16) | ((uint)data[at + 2] << 8) | data[at + 3];
            }

            for (var i = 16; i < 80; i++)
            {
                w[i] = RotateLeft(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
            }

            uint a = h0, b = h1, c = h2, d = h3, e = h4;
            for (var i = 0; i < 80; i++)
            {
                uint f, k;
                if (i < 20)
                {
                    f = (b & c) | (~b & d);
                    k = 0x5A827999;
                }
                else if (i < 40)
                {
                    f = b ^ c ^ d;
                    k = 0x6ED9EBA1;
                }
                else if (i < 60)
                {
                    f = (b & c) | (b & d) | (c & d);
                    k = 0x8F1BBCDC;
                }
                else
                {
                    f = b ^ c ^ d;
                    k = 0xCA62C1D6;
                }

                var temp = RotateLeft(a, 5) + f + e + k + w[i];
                e = d;
                d = c;
                c = RotateLeft(b, 30);
                b = a;
                a = temp;
            }

            h0 += a;
            h1 += b;
            h2 += c;
            h3 += d;
            h4 += e;
        }

        var digest = new byte[20];
        uint[] words = [h0, h1, h2, h3, h4];
        for (var i = 0; i < 5; i++)
        {
            digest[4 * i] = (byte)(words[i] >> 24);
            digest[(4 * i) + 1] = (byte)(words[i] >> 16);
            digest[(4 * i) + 2] = (byte)(words[i] >> 8);
            digest[(4 * i) + 3] = (byte)words[i];
        }

        return digest;
    }

    private static uint RotateLeft(uint value, int bits) => (value << bits) | (value >> (32 - bits));
}
