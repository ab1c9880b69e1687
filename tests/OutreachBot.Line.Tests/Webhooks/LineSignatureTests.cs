using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using OutreachBot.Line.Webhooks;

namespace OutreachBot.Line.Tests.Webhooks;

public class LineSignatureTests
{
    private const string Secret = "testsecret";
    private static readonly byte[] Body = FixtureFiles.Bytes("java-callback/text-user.json");

    public static TheoryData<int> VectorIndexes() => Indexes("signature-vectors.json", "vectors");

    public static TheoryData<int> ComputedIndexes() => Indexes("computed-signatures.json", "files");

    [Theory]
    [MemberData(nameof(VectorIndexes))]
    public void Verify_OfficialVector_GivesTheVectorsVerdict(int index)
    {
        using var vectors = FixtureFiles.Document("signature-vectors.json");
        var vector = vectors.RootElement.GetProperty("vectors")[index];
        var body = VectorBody(vector);

        var check = LineSignature.Verify(body, vector.GetProperty("signature").GetString(), vector.GetProperty("channelSecret").GetString()!);

        if (vector.GetProperty("expectValid").GetBoolean())
        {
            Assert.Equal(SignatureCheck.Valid, check);
        }
        else
        {
            Assert.Contains(check, new[] { SignatureCheck.Mismatch, SignatureCheck.Malformed });
        }
    }

    [Theory]
    [MemberData(nameof(ComputedIndexes))]
    public void Verify_ComputedSignatureOverItsFile_IsValid(int index)
    {
        using var computed = FixtureFiles.Document("computed-signatures.json");
        var entry = computed.RootElement.GetProperty("files")[index];
        var body = FixtureFiles.Bytes(entry.GetProperty("file").GetString()!);
        var signature = entry.GetProperty("signature").GetString()!;
        var secret = entry.GetProperty("channelSecret").GetString()!;

        // Size and hash first: a fixture re-saved by an editor or git would otherwise show up only as a mismatch.
        Assert.Equal(entry.GetProperty("bytes").GetInt32(), body.Length);
        Assert.Equal(entry.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(body)));
        Assert.Equal(SignatureCheck.Valid, LineSignature.Verify(body, signature, secret));
        Assert.Equal(signature, LineSignature.Compute(body, secret));
    }

    [Fact]
    public void Verify_DocsVectorBodyFile_HoldsTheSameBytesAsTheVectorsBody()
    {
        using var vectors = FixtureFiles.Document("signature-vectors.json");
        var docs = vectors.RootElement.GetProperty("vectors")[0];

        Assert.Equal(Encoding.UTF8.GetBytes(docs.GetProperty("body").GetString()!), FixtureFiles.Bytes(docs.GetProperty("bodyFile").GetString()!));
    }

    [Fact]
    public void Verify_OneBodyByteChanged_IsMismatch()
    {
        var signature = LineSignature.Compute(Body, Secret);
        var changed = Body.ToArray();
        changed[changed.Length / 2] ^= 0x01;

        Assert.Equal(SignatureCheck.Mismatch, LineSignature.Verify(changed, signature, Secret));
    }

    [Fact]
    public void Verify_BodyWithTrailingNewlineAdded_IsMismatch()
    {
        var signature = LineSignature.Compute(Body, Secret);

        Assert.Equal(SignatureCheck.Mismatch, LineSignature.Verify([.. Body, (byte)'\n'], signature, Secret));
    }

    [Fact]
    public void Verify_WrongSecret_IsMismatch()
    {
        var signature = LineSignature.Compute(Body, "another-secret");

        Assert.Equal(SignatureCheck.Mismatch, LineSignature.Verify(Body, signature, Secret));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Verify_NoHeader_IsMissing(string? header) =>
        Assert.Equal(SignatureCheck.Missing, LineSignature.Verify(Body, header, Secret));

    [Theory]
    [InlineData("not base64!")]
    [InlineData("invalid_signature")]
    [InlineData("deadbeef")]
    [InlineData("FZhzXh+6pYJdbnEcCG6G6F4bPLU5Dr9VUL89yhO1C3Y")]
    public void Verify_HeaderNotBase64OfA32ByteHash_IsMalformed(string header) =>
        Assert.Equal(SignatureCheck.Malformed, LineSignature.Verify(Body, header, Secret));

    [Fact]
    public void Verify_HeaderDecodingToMoreThan32Bytes_IsMalformed()
    {
        var tooLong = Convert.ToBase64String(new byte[33]);

        Assert.Equal(SignatureCheck.Malformed, LineSignature.Verify(Body, tooLong, Secret));
    }

    [Fact]
    public void Verify_CaseFlippedSignature_IsMismatch()
    {
        Assert.Equal(
            SignatureCheck.Mismatch,
            LineSignature.Verify("{\"hello\":\"world\"}"u8, "t7Hn4ZDHqs6e+wdvi5TyQivzie0DmMUmuXEBqyyE/tM=", "test_secret"));
    }

    [Fact]
    public void Verify_SecretAsBytes_AgreesWithSecretAsString()
    {
        var signature = LineSignature.Compute(Body, Secret);

        Assert.Equal(SignatureCheck.Valid, LineSignature.Verify(Body, signature, Encoding.UTF8.GetBytes(Secret)));
    }

    [Fact]
    public void Verify_NonAsciiBody_HashesItsUtf8Bytes()
    {
        var body = FixtureFiles.Bytes("nodejs/middleware-spec-body.json");

        Assert.Equal(SignatureCheck.Valid, LineSignature.Verify(body, "eRdWYcVCzZV3MVZ3M9/rHJCl/a3oSbsRb04cLovpVwM=", "test_channel_secret"));
    }

    private static byte[] VectorBody(JsonElement vector) =>
        vector.TryGetProperty("bodyFile", out var file)
            ? FixtureFiles.Bytes(file.GetString()!)
            : Encoding.UTF8.GetBytes(vector.GetProperty("body").GetString()!);

    private static TheoryData<int> Indexes(string file, string array)
    {
        using var document = FixtureFiles.Document(file);
        return new TheoryData<int>(Enumerable.Range(0, document.RootElement.GetProperty(array).GetArrayLength()));
    }
}
