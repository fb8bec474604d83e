using System.Text;
using System.Text.Json.Nodes;
using CsCheck;

namespace Notify.Web.Tests.Features.Generated;

/// <summary>
/// Generators of hostile input: JSON of any shape (wrong types, nulls in arrays, deep nesting, extreme numbers and
/// dates, control characters), odd path keys and query values, and odd content types and charsets.
/// </summary>
public static class BadInput
{
    public static readonly Gen<string> Text = Gen.OneOf(
        Gen.OneOf("", " ", "\0", "a\0b", "\u0001\u001f", "ø", "Å Ø", "\ud83d\ude00", "' OR 1=1 --", "<script>", "%00", "../..", "{{ x }}",
            "0001-01-01", "9999-12-31", "9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z", "2026-02-30", "24:61", "-1", "1e400", "NaN", "true", "null",
            "+47 912 34 567", "48376587;87654321", "record.deadline", "sms", "email", "inApp", "Admin", "record.status_changed", "record.deadline"),
        Gen.String[0, 40],
        Gen.Char[char.MinValue, '\u00ff'].Array[0, 20].Select(c => new string(c)),
        Gen.Const(new string('x', 5_000)));

    private static readonly Gen<JsonNode?> Scalar = Gen.OneOf<JsonNode?>(
        Gen.Const<JsonNode?>((JsonNode?)null),
        Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b)),
        Gen.OneOf(0L, -1L, 1L, long.MaxValue, long.MinValue, int.MaxValue + 1L, 91L, 1_000_000L).Select(n => (JsonNode?)JsonValue.Create(n)),
        Gen.OneOf(0.5, -0.0, 1e308, -1e308, double.Epsilon).Select(d => (JsonNode?)JsonValue.Create(d)),
        Gen.Int.Select(n => (JsonNode?)JsonValue.Create(n)),
        Text.Select(s => (JsonNode?)JsonValue.Create(s)));

    /// <summary>Any JSON value, at most <paramref name="depth"/> deep, with object keys drawn from <paramref name="names"/> and at random.</summary>
    public static Gen<JsonNode?> Value(IReadOnlyList<string> names, int depth) => depth <= 0
        ? Scalar
        : Gen.Frequency(
            (4, Scalar),
            (2, Value(names, depth - 1).List[0, 4].Select(items => (JsonNode?)new JsonArray(items.Select(i => i?.DeepClone()).ToArray()))),
            (3, Object(names, depth - 1).Select(o => (JsonNode?)o)));

    /// <summary>An object with some of the names an endpoint knows, each with a value of any kind.</summary>
    public static Gen<JsonObject> Object(IReadOnlyList<string> names, int depth)
    {
        var name = names.Count == 0 ? Text : Gen.Frequency((5, Gen.OneOf(names.ToArray())), (1, Text));
        return Gen.Select(name, Value(names, depth)).List[0, 6].Select(pairs =>
        {
            var o = new JsonObject();
            foreach (var (key, value) in pairs)
            {
                o[key] = value?.DeepClone();
            }

            return o;
        });
    }

    /// <summary>A body as bytes: JSON of any shape, JSON that is cut off, far too deep, not JSON at all, or empty.</summary>
    public static Gen<byte[]> Body(IReadOnlyList<string> names) => Gen.Frequency(
        (8, Object(names, 3).Select(o => Encoding.UTF8.GetBytes(o.ToJsonString()))),
        (2, Value(names, 3).Select(v => Encoding.UTF8.GetBytes(v?.ToJsonString() ?? "null"))),
        (1, Object(names, 2).Select(o => { var s = o.ToJsonString(); return Encoding.UTF8.GetBytes(s[..(s.Length / 2)]); })),
        (1, Gen.Int[70, 200].Select(n => Encoding.UTF8.GetBytes(new string('[', n) + new string(']', n)))),
        (1, Gen.OneOf("", "a=1&b=%00", "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--x--", "\u00ff\u00fe", "{\"a\":\"\\ud800\"}").Select(Encoding.UTF8.GetBytes)),
        (1, Gen.Byte.Array[0, 64]));

    public static readonly Gen<string?> ContentType = Gen.Frequency(
        (10, Gen.Const<string?>("application/json")),
        (1, Gen.Const<string?>((string?)null)),
        (1, Gen.OneOf<string?>("application/json; charset=utf-8", "application/json; charset=latin1", "application/json; charset=nonsense",
            "application/json; charset=\"\"", "text/plain", "application/x-www-form-urlencoded", "application/x-www-form-urlencoded; charset=nonsense",
            "multipart/form-data", "multipart/form-data; boundary=x", "multipart/form-data; boundary=", "application/xml", "*/*", "application/problem+json")));

    /// <summary>
    /// A path with each <c>{name}</c> or <c>{name:int}</c> filled: a plausible key most of the time, something odd otherwise
    /// (not NUL: Kestrel refuses it with a 400 before the app, and the in-process test server cannot carry it).
    /// </summary>
    public static Gen<string> Path(string template)
    {
        var parts = template.Split('/');
        var gens = parts.Select(p => p.StartsWith('{')
            ? p.Contains(":int", StringComparison.Ordinal)
                ? Gen.OneOf("1", "0", "-1", "2147483648", "99999")
                : Gen.Frequency((3, Gen.OneOf("order", "task", "ola", "order-ready", "AO1000", "T-100", "x")), (2, Text.Where(t => t.Length is > 0 and < 300 && !t.Contains('\0')).Select(Uri.EscapeDataString)))
            : Gen.Const(p));
        return gens.Skip(1).Aggregate(gens.First(), (path, part) => Gen.Select(path, part, (a, b) => a + "/" + b));
    }

    /// <summary>A query string over the operation's parameters, each present or not, with values of any kind.</summary>
    public static Gen<string> Query(IReadOnlyList<string> parameters) => parameters.Count == 0
        ? Gen.Const("")
        : Gen.Select(Gen.OneOf(parameters.ToArray()), Text).List[0, 4]
            .Select(pairs => pairs.Count == 0 ? "" : "?" + string.Join('&', pairs.Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2)}")));
}
