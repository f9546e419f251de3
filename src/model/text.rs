//! [`Text`]: a string of the roadmap that is borrowed from the embedded
//! compact form when it can be, and owned otherwise.
//!
//! Why: the built-in roadmap has about 4,200 pieces of text. Copying each into
//! its own `String` at start-up was a quarter of `roadmap pathways`' work, and
//! the compact form already holds every string, valid UTF-8, for the life of the
//! process. Data loaded from TOML owns its text as before.

use serde::de::{self, Deserialize, Deserializer, Visitor};
use serde::{Serialize, Serializer};
use std::borrow::{Borrow, Cow};
use std::fmt;
use std::ops::Deref;

/// Read it as a `&str` (it derefs to one); build it with `.into()`.
#[derive(Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Text(Cow<'static, str>);

impl Text {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

// `Borrow<str>` lets maps keyed by `Text` be looked up with a `&str`; it is
// sound because `Cow<str>` hashes and compares exactly as its `str` does.
impl Borrow<str> for Text {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl From<String> for Text {
    fn from(s: String) -> Self {
        Text(Cow::Owned(s))
    }
}

impl From<&'static str> for Text {
    fn from(s: &'static str) -> Self {
        Text(Cow::Borrowed(s))
    }
}

impl From<Text> for String {
    fn from(t: Text) -> Self {
        t.0.into_owned()
    }
}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        *self.0 == *other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<String> for Text {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<Text> for str {
    fn eq(&self, other: &Text) -> bool {
        *self == *other.0
    }
}

impl PartialEq<Text> for &str {
    fn eq(&self, other: &Text) -> bool {
        **self == *other.0
    }
}

impl PartialEq<Text> for String {
    fn eq(&self, other: &Text) -> bool {
        **self == *other.0
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

/// Only `Deserialize<'static>`: a borrowed string must outlive the roadmap.
/// Model types that hold `Text` therefore carry
/// `#[serde(bound(deserialize = "'de: 'static"))]`. Input that is not
/// `'static` (or strings with escapes, as JSON may have) is copied.
impl Deserialize<'static> for Text {
    fn deserialize<D: Deserializer<'static>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'static> for V {
            type Value = Text;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'static str) -> Result<Text, E> {
                Ok(Text(Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Text, E> {
                Ok(Text(Cow::Owned(v.to_owned())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Text, E> {
                Ok(Text(Cow::Owned(v)))
            }
        }
        d.deserialize_str(V)
    }
}

impl schemars::JsonSchema for Text {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        String::schema_name()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        String::json_schema(generator)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn looks_up_by_str_and_compares_with_strings() {
        let mut m = HashMap::new();
        m.insert(Text::from("band-3".to_string()), 1);
        m.insert(Text::from("hca"), 2);
        assert_eq!(m.get("band-3"), Some(&1));
        assert_eq!(m.get("hca"), Some(&2));
        assert_eq!(Text::from("a"), Text::from("a".to_string()));
        let owned = Text::from("a".to_string());
        assert_eq!(owned, "a");
        assert_eq!("a", owned);
        assert_eq!(String::from("a"), owned);
        assert_eq!(Text::from("x").to_string(), "x");
    }
}
