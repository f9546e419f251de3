//! A compact binary form of any serde value, used for the validated roadmap
//! compiled into the binary and for the cache of `--data` directories.
//!
//! Why not JSON: reading the roadmap as JSON was more than half of
//! `roadmap pathways`' start-up, mostly spent scanning text and matching
//! field names. Here fields are stored in declaration order with no names,
//! numbers as LEB128 varints and lists length-prefixed, so reading is a
//! straight walk. Text lives in one table, each distinct string once (ids
//! recur in every reference), checked as UTF-8 in a single pass and cut into
//! strings once; the walk refers to a string by its number in the table.
//!
//! Why not a crate such as `postcard` (tried, 2026-12-01): it stores each
//! string where it occurs, so the embedded roadmap grew from 130 KB to
//! 229 KB, and `pathways --from band3` went from 2.97 M to 3.34 M
//! instructions and from 1.48× to 1.55× the start-up of `--version`,
//! past the 1.5× target (BENCHMARKS.md).
//!
//! It is not self-describing: reader and writer must be the same types,
//! which holds because both are this build's model (the cache key includes
//! the version). Untrusted input (a cache file) can only produce an error,
//! never a panic or an unbounded allocation.

use serde::de::{self, DeserializeSeed, IntoDeserializer, Visitor};
use serde::ser::{self, Serialize};
use std::collections::HashMap;
use std::fmt;

/// Bumped whenever the encoding changes.
const MAGIC: &[u8; 4] = b"RMD3";

#[derive(Debug)]
pub struct DigestError(String);

impl fmt::Display for DigestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for DigestError {}

impl ser::Error for DigestError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        DigestError(msg.to_string())
    }
}

impl de::Error for DigestError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        DigestError(msg.to_string())
    }
}

type Result<T> = std::result::Result<T, DigestError>;

fn err<T>(msg: &str) -> Result<T> {
    Err(DigestError(msg.to_string()))
}

/// Encodes `value`.
pub fn to_bytes<T: Serialize + ?Sized>(value: &T) -> Result<Vec<u8>> {
    let mut w = Writer {
        out: Vec::new(),
        text: String::new(),
        lengths: Vec::new(),
        seen: HashMap::new(),
    };
    value.serialize(&mut w)?;
    // The string table goes first, so the reader can check it before the walk.
    let mut out = MAGIC.to_vec();
    put_varint(&mut out, w.text.len() as u64);
    out.extend_from_slice(w.text.as_bytes());
    put_varint(&mut out, w.lengths.len() as u64);
    for n in w.lengths {
        put_varint(&mut out, n as u64);
    }
    out.extend_from_slice(&w.out);
    Ok(out)
}

fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// Decodes what [`to_bytes`] wrote; any other input is an error.
pub fn from_bytes<'de, T: de::Deserialize<'de>>(bytes: &'de [u8]) -> Result<T> {
    let Some(rest) = bytes.strip_prefix(MAGIC) else {
        return err("not a roadmap digest");
    };
    let mut r = Reader {
        input: rest,
        strings: Vec::new(),
    };
    let n = r.len()?;
    let text =
        std::str::from_utf8(r.take(n)?).map_err(|_| DigestError("text is not UTF-8".into()))?;
    let count = r.len()?;
    r.strings.reserve_exact(count);
    let mut at = 0usize;
    for _ in 0..count {
        let n = usize::try_from(r.varint()?).unwrap_or(usize::MAX);
        // `get` also refuses a range that splits a character.
        let s = at
            .checked_add(n)
            .and_then(|end| text.get(at..end))
            .ok_or_else(|| DigestError("a string is outside the string table".into()))?;
        r.strings.push(s);
        at += n;
    }
    let value = T::deserialize(&mut r)?;
    if !r.input.is_empty() {
        return err("trailing bytes after the digest");
    }
    Ok(value)
}

// ---------------------------------------------------------------- writing

struct Writer {
    out: Vec<u8>,
    /// Every distinct string, back to back.
    text: String,
    /// The length of each string in `text`, in order.
    lengths: Vec<usize>,
    /// Each string's number in the table.
    seen: HashMap<String, usize>,
}

impl Writer {
    fn varint(&mut self, v: u64) {
        put_varint(&mut self.out, v);
    }

    fn signed(&mut self, v: i64) {
        self.varint(((v << 1) ^ (v >> 63)) as u64);
    }

    fn len(&mut self, len: Option<usize>) -> Result<()> {
        match len {
            Some(n) => {
                self.varint(n as u64);
                Ok(())
            }
            None => err("a list of unknown length cannot be written"),
        }
    }
}

/// Integers widen losslessly to 64 bits, then go out as (zigzag) varints.
macro_rules! numbers {
    ($($method:ident $how:ident $ty:ty),*) => {$(
        fn $method(self, v: $ty) -> Result<()> {
            self.$how(v.into());
            Ok(())
        }
    )*};
}

impl ser::Serializer for &mut Writer {
    type Ok = ();
    type Error = DigestError;
    type SerializeSeq = Self;
    type SerializeTuple = Self;
    type SerializeTupleStruct = Self;
    type SerializeTupleVariant = Self;
    type SerializeMap = Self;
    type SerializeStruct = Self;
    type SerializeStructVariant = Self;

    fn serialize_bool(self, v: bool) -> Result<()> {
        self.out.push(u8::from(v));
        Ok(())
    }
    numbers!(
        serialize_i8 signed i8,
        serialize_i16 signed i16,
        serialize_i32 signed i32,
        serialize_i64 signed i64,
        serialize_u8 varint u8,
        serialize_u16 varint u16,
        serialize_u32 varint u32,
        serialize_u64 varint u64
    );
    fn serialize_f32(self, v: f32) -> Result<()> {
        self.out.extend_from_slice(&v.to_le_bytes());
        Ok(())
    }
    fn serialize_f64(self, v: f64) -> Result<()> {
        self.out.extend_from_slice(&v.to_le_bytes());
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<()> {
        self.varint(v.into());
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<()> {
        let i = match self.seen.get(v) {
            Some(&i) => i,
            None => {
                let i = self.lengths.len();
                self.text.push_str(v);
                self.lengths.push(v.len());
                self.seen.insert(v.to_string(), i);
                i
            }
        };
        self.varint(i as u64);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<()> {
        self.varint(v.len() as u64);
        self.out.extend_from_slice(v);
        Ok(())
    }
    fn serialize_none(self) -> Result<()> {
        self.out.push(0);
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<()> {
        self.out.push(1);
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<()> {
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<()> {
        Ok(())
    }
    fn serialize_unit_variant(self, _: &'static str, index: u32, _: &'static str) -> Result<()> {
        self.varint(index.into());
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<()> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        index: u32,
        _: &'static str,
        value: &T,
    ) -> Result<()> {
        self.varint(index.into());
        value.serialize(self)
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Self> {
        self.len(len)?;
        Ok(self)
    }
    fn serialize_tuple(self, _: usize) -> Result<Self> {
        Ok(self)
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self> {
        Ok(self)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        index: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self> {
        self.varint(index.into());
        Ok(self)
    }
    fn serialize_map(self, len: Option<usize>) -> Result<Self> {
        self.len(len)?;
        Ok(self)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self> {
        Ok(self)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        index: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self> {
        self.varint(index.into());
        Ok(self)
    }
}

/// Every compound is its elements in order; lengths were written up front.
macro_rules! compound {
    ($($trait:ident :: $method:ident),*) => {$(
        impl ser::$trait for &mut Writer {
            type Ok = ();
            type Error = DigestError;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
                value.serialize(&mut **self)
            }
            fn end(self) -> Result<()> {
                Ok(())
            }
        }
    )*};
}
compound!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

impl ser::SerializeMap for &mut Writer {
    type Ok = ();
    type Error = DigestError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<()> {
        key.serialize(&mut **self)
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        value.serialize(&mut **self)
    }
    fn end(self) -> Result<()> {
        Ok(())
    }
}

macro_rules! fields {
    ($($trait:ident),*) => {$(
        impl ser::$trait for &mut Writer {
            type Ok = ();
            type Error = DigestError;
            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                _: &'static str,
                value: &T,
            ) -> Result<()> {
                value.serialize(&mut **self)
            }
            fn skip_field(&mut self, _: &'static str) -> Result<()> {
                // Positional fields cannot be left out: the reader would
                // misread every field after it.
                err("a skipped field cannot be written")
            }
            fn end(self) -> Result<()> {
                Ok(())
            }
        }
    )*};
}
fields!(SerializeStruct, SerializeStructVariant);

// ---------------------------------------------------------------- reading

struct Reader<'de> {
    input: &'de [u8],
    /// The string table, checked as UTF-8 and cut into its strings.
    strings: Vec<&'de str>,
}

impl<'de> Reader<'de> {
    fn byte(&mut self) -> Result<u8> {
        let (&b, rest) = self
            .input
            .split_first()
            .ok_or_else(|| DigestError("the digest ends early".into()))?;
        self.input = rest;
        Ok(b)
    }

    fn take(&mut self, n: usize) -> Result<&'de [u8]> {
        if n > self.input.len() {
            return err("the digest ends early");
        }
        let (head, rest) = self.input.split_at(n);
        self.input = rest;
        Ok(head)
    }

    #[inline]
    fn varint(&mut self) -> Result<u64> {
        // Most numbers (lengths, enum tags) fit in one byte and most string
        // offsets in two; both are read here without a loop.
        match *self.input {
            [b, ref rest @ ..] if b < 0x80 => {
                self.input = rest;
                Ok(u64::from(b))
            }
            [b0, b1, ref rest @ ..] if b1 < 0x80 => {
                self.input = rest;
                Ok(u64::from(b0 & 0x7f) | u64::from(b1) << 7)
            }
            _ => self.long_varint(),
        }
    }

    #[cold]
    fn long_varint(&mut self) -> Result<u64> {
        let mut v: u64 = 0;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            v |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Ok(v);
            }
        }
        err("a number in the digest is too long")
    }

    /// An enum variant's number.
    fn variant(&mut self) -> Result<u32> {
        u32::try_from(self.varint()?)
            .map_err(|_| DigestError("a variant number is out of range".into()))
    }

    fn signed(&mut self) -> Result<i64> {
        let v = self.varint()?;
        Ok(((v >> 1) as i64) ^ -((v & 1) as i64))
    }

    /// A length, bounded by what is left: each element takes at least one
    /// byte, so a corrupt length cannot ask for a huge allocation.
    fn len(&mut self) -> Result<usize> {
        let n = self.varint()?;
        if n > self.input.len() as u64 {
            return err("a length in the digest is larger than the digest");
        }
        Ok(n as usize)
    }

    fn str(&mut self) -> Result<&'de str> {
        let i = usize::try_from(self.varint()?).unwrap_or(usize::MAX);
        self.strings
            .get(i)
            .copied()
            .ok_or_else(|| DigestError("a string number is outside the string table".into()))
    }

    fn fixed<const N: usize>(&mut self) -> Result<[u8; N]> {
        let mut a = [0u8; N];
        a.copy_from_slice(self.take(N)?);
        Ok(a)
    }
}

macro_rules! unsigned {
    ($($method:ident $visit:ident $ty:ty),*) => {$(
        fn $method<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
            let n = self.varint()?;
            v.$visit(<$ty>::try_from(n).map_err(|_| DigestError("a number is out of range".into()))?)
        }
    )*};
}

macro_rules! signed {
    ($($method:ident $visit:ident $ty:ty),*) => {$(
        fn $method<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
            let n = self.signed()?;
            v.$visit(<$ty>::try_from(n).map_err(|_| DigestError("a number is out of range".into()))?)
        }
    )*};
}

impl<'de> de::Deserializer<'de> for &mut Reader<'de> {
    type Error = DigestError;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value> {
        err("the digest is not self-describing")
    }
    fn deserialize_ignored_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value> {
        err("the digest is not self-describing")
    }
    fn deserialize_bool<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        match self.byte()? {
            0 => v.visit_bool(false),
            1 => v.visit_bool(true),
            _ => err("a yes/no value is neither"),
        }
    }
    unsigned!(
        deserialize_u8 visit_u8 u8,
        deserialize_u16 visit_u16 u16,
        deserialize_u32 visit_u32 u32,
        deserialize_u64 visit_u64 u64
    );
    signed!(
        deserialize_i8 visit_i8 i8,
        deserialize_i16 visit_i16 i16,
        deserialize_i32 visit_i32 i32,
        deserialize_i64 visit_i64 i64
    );
    fn deserialize_f32<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        v.visit_f32(f32::from_le_bytes(self.fixed()?))
    }
    fn deserialize_f64<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        v.visit_f64(f64::from_le_bytes(self.fixed()?))
    }
    fn deserialize_char<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        let n = u32::try_from(self.varint()?).ok().and_then(char::from_u32);
        v.visit_char(n.ok_or_else(|| DigestError("not a character".into()))?)
    }
    fn deserialize_str<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        v.visit_borrowed_str(self.str()?)
    }
    fn deserialize_string<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        v.visit_borrowed_str(self.str()?)
    }
    fn deserialize_bytes<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        let n = self.len()?;
        v.visit_borrowed_bytes(self.take(n)?)
    }
    fn deserialize_byte_buf<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        self.deserialize_bytes(v)
    }
    fn deserialize_option<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        match self.byte()? {
            0 => v.visit_none(),
            1 => v.visit_some(self),
            _ => err("an optional value is neither there nor absent"),
        }
    }
    fn deserialize_unit<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        v.visit_unit()
    }
    fn deserialize_unit_struct<V: Visitor<'de>>(self, _: &'static str, v: V) -> Result<V::Value> {
        v.visit_unit()
    }
    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        v: V,
    ) -> Result<V::Value> {
        v.visit_newtype_struct(self)
    }
    fn deserialize_seq<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        let len = self.len()?;
        v.visit_seq(Elements { r: self, left: len })
    }
    fn deserialize_tuple<V: Visitor<'de>>(self, len: usize, v: V) -> Result<V::Value> {
        v.visit_seq(Elements { r: self, left: len })
    }
    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        len: usize,
        v: V,
    ) -> Result<V::Value> {
        v.visit_seq(Elements { r: self, left: len })
    }
    fn deserialize_map<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        let len = self.len()?;
        v.visit_map(Elements { r: self, left: len })
    }
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        fields: &'static [&'static str],
        v: V,
    ) -> Result<V::Value> {
        v.visit_seq(Elements {
            r: self,
            left: fields.len(),
        })
    }
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        v: V,
    ) -> Result<V::Value> {
        v.visit_enum(self)
    }
    fn deserialize_identifier<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        v.visit_u32(self.variant()?)
    }
    fn is_human_readable(&self) -> bool {
        false
    }
}

struct Elements<'a, 'de> {
    r: &'a mut Reader<'de>,
    left: usize,
}

impl<'de> de::SeqAccess<'de> for Elements<'_, 'de> {
    type Error = DigestError;
    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>> {
        if self.left == 0 {
            return Ok(None);
        }
        self.left -= 1;
        seed.deserialize(&mut *self.r).map(Some)
    }
    fn size_hint(&self) -> Option<usize> {
        Some(self.left)
    }
}

impl<'de> de::MapAccess<'de> for Elements<'_, 'de> {
    type Error = DigestError;
    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        if self.left == 0 {
            return Ok(None);
        }
        self.left -= 1;
        seed.deserialize(&mut *self.r).map(Some)
    }
    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value> {
        seed.deserialize(&mut *self.r)
    }
    fn size_hint(&self) -> Option<usize> {
        Some(self.left)
    }
}

impl<'de> de::EnumAccess<'de> for &mut Reader<'de> {
    type Error = DigestError;
    type Variant = Self;
    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self)> {
        let index = self.variant()?;
        let value = seed.deserialize(index.into_deserializer())?;
        Ok((value, self))
    }
}

impl<'de> de::VariantAccess<'de> for &mut Reader<'de> {
    type Error = DigestError;
    fn unit_variant(self) -> Result<()> {
        Ok(())
    }
    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value> {
        seed.deserialize(self)
    }
    fn tuple_variant<V: Visitor<'de>>(self, len: usize, v: V) -> Result<V::Value> {
        v.visit_seq(Elements { r: self, left: len })
    }
    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        v: V,
    ) -> Result<V::Value> {
        v.visit_seq(Elements {
            r: self,
            left: fields.len(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::{Deserialize, Serialize};

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    #[serde(rename_all = "kebab-case")]
    enum Kind {
        One,
        TwoWords,
    }

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    #[serde(rename_all = "kebab-case")]
    struct Sample {
        text: String,
        list: Vec<String>,
        maybe: Option<u8>,
        none: Option<String>,
        kind: Kind,
        big: u64,
        negative: i64,
        ratio: f64,
        flag: bool,
        #[serde(skip)]
        skipped: u32,
        nested: Vec<(String, Kind)>,
    }

    fn sample() -> Sample {
        Sample {
            text: "café ✓".into(),
            list: vec!["a".into(), String::new(), "c".into()],
            maybe: Some(255),
            none: None,
            kind: Kind::TwoWords,
            big: u64::MAX,
            negative: -1_000_000,
            ratio: 1.5,
            flag: true,
            skipped: 0,
            nested: vec![("x".into(), Kind::One)],
        }
    }

    #[test]
    fn values_round_trip() {
        let bytes = to_bytes(&sample()).unwrap();
        assert_eq!(from_bytes::<Sample>(&bytes).unwrap(), sample());
    }

    #[test]
    fn every_truncation_and_corruption_is_an_error_not_a_panic() {
        let bytes = to_bytes(&sample()).unwrap();
        for n in 0..bytes.len() {
            assert!(from_bytes::<Sample>(&bytes[..n]).is_err(), "cut at {n}");
        }
        for i in 0..bytes.len() {
            for b in [0x00, 0x7f, 0x80, 0xff] {
                let mut bad = bytes.clone();
                bad[i] = b;
                let _ = from_bytes::<Sample>(&bad);
            }
        }
        let mut long = bytes.clone();
        long.push(0);
        assert!(from_bytes::<Sample>(&long).is_err());
    }

    #[test]
    fn a_long_string_with_little_after_it_round_trips() {
        let long = "x".repeat(5000);
        let bytes = to_bytes(&long).unwrap();
        assert_eq!(from_bytes::<String>(&bytes).unwrap(), long);
    }

    #[test]
    fn a_huge_length_is_refused_without_allocating() {
        let mut bytes = MAGIC.to_vec();
        bytes.extend([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]);
        assert!(from_bytes::<Vec<u64>>(&bytes).is_err());
    }
}
