namespace HauGiang.Portal.Features.Intake.Open311;

// The GeoReport v2 documents (the *Dto records of this folder), field names as in the specification. The same
// records are written as JSON and as XML (Open311Result): in XML, lists become an element per item, named by [XmlItem].

/// <summary>Names the XML element of each item of a list property.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class XmlItemAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
