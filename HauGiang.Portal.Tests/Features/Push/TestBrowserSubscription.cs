using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace HauGiang.Portal.Tests.Features.Push;

/// <summary>
/// What a browser holds for one push subscription: its own P-256 key pair and 16-byte auth secret, made here with
/// .NET's cryptography (not the portal's library), and the decryption a browser does (RFC 8291, aes128gcm of
/// RFC 8188) — so a message that decrypts proves the portal encrypted it to this subscription's keys.
/// </summary>
public sealed class TestBrowserSubscription : IDisposable
{
    private readonly ECDiffieHellman _key = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
    private readonly byte[] _auth = RandomNumberGenerator.GetBytes(16);

    public TestBrowserSubscription(string endpoint)
    {
        Endpoint = endpoint;
        var q = _key.ExportParameters(false).Q;
        PublicKey = [0x04, .. q.X!, .. q.Y!];
    }

    public string Endpoint { get; }

    public byte[] PublicKey { get; }

    /// <summary>As <c>PushSubscription.toJSON()</c> gives it in a browser.</summary>
    public object Json => new { endpoint = Endpoint, keys = new { p256dh = Base64Url.EncodeToString(PublicKey), auth = Base64Url.EncodeToString(_auth) } };

    /// <summary>Decrypts one aes128gcm message (a single record, as push messages are) and returns its text.</summary>
    public string Decrypt(byte[] body)
    {
        // Header: salt (16) | record size (4) | key id length (1) | key id = the sender's ephemeral public key.
        var salt = body[..16];
        var recordSize = BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(16, 4));
        var idLength = body[20];
        var senderKey = body[21..(21 + idLength)];
        var cipher = body[(21 + idLength)..];
        Assert.Equal(65, idLength);
        Assert.True(cipher.Length <= recordSize, "one record");

        using var sender = ECDiffieHellman.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = senderKey[1..33], Y = senderKey[33..] } });
        var shared = _key.DeriveRawSecretAgreement(sender.PublicKey);

        // RFC 8291 §3.4: the input keying material from the auth secret and both public keys.
        byte[] keyInfo = [.. "WebPush: info\0"u8, .. PublicKey, .. senderKey];
        var ikm = HKDF.DeriveKey(HashAlgorithmName.SHA256, shared, 32, _auth, keyInfo);
        var cek = HKDF.DeriveKey(HashAlgorithmName.SHA256, ikm, 16, salt, "Content-Encoding: aes128gcm\0"u8.ToArray());
        var nonce = HKDF.DeriveKey(HashAlgorithmName.SHA256, ikm, 12, salt, "Content-Encoding: nonce\0"u8.ToArray());

        var plain = new byte[cipher.Length - 16];
        using var aes = new AesGcm(cek, 16);
        aes.Decrypt(nonce, cipher[..^16], cipher[^16..], plain);

        // Padding: the last record ends with the delimiter 0x02, then zeros.
        var end = plain.Length - 1;
        while (end >= 0 && plain[end] == 0)
        {
            end--;
        }

        Assert.Equal(0x02, plain[end]);
        return Encoding.UTF8.GetString(plain, 0, end);
    }

    public void Dispose() => _key.Dispose();
}
