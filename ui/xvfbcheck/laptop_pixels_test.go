//go:build xvfb

package xvfbcheck

import (
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"strings"
	"testing"
)

// laptopColumnDividers finds the user list's column dividers in a screenshot: lines one
// pixel wide and at least minLen tall, of one colour, starting at the same height (a
// scroll bar may hide the bottom of some). The largest such group is the list's; their x
// positions are returned, with the top and bottom of the shortest.
func laptopColumnDividers(img image.Image, minLen int) (xs []int, top, bottom int) {
	type line struct {
		y0     int
		colour [3]uint32
	}
	b := img.Bounds()
	groups, ends := map[line][]int{}, map[line]int{}
	for x := b.Min.X + 1; x < b.Max.X-1; x++ {
		for y := b.Min.Y; y < b.Max.Y; {
			c := laptopColour(img, x, y)
			y0 := y
			for y < b.Max.Y && laptopColour(img, x, y) == c {
				y++
			}
			mid := (y0 + y) / 2
			if y-y0 >= minLen && laptopColour(img, x-1, mid) != c && laptopColour(img, x+1, mid) != c {
				k := line{y0, c}
				groups[k] = append(groups[k], x)
				if e, ok := ends[k]; !ok || y < e {
					ends[k] = y
				}
			}
		}
	}
	var best line
	for k, g := range groups {
		if len(g) > len(groups[best]) {
			best = k
		}
	}
	return groups[best], best.y0, ends[best]
}

func laptopColour(img image.Image, x, y int) [3]uint32 {
	r, g, b, _ := img.At(x, y).RGBA()
	return [3]uint32{r >> 8, g >> 8, b >> 8}
}

// laptopChangedBox is the bounding box of the pixels of r that differ between two
// screenshots; empty when none do.
func laptopChangedBox(a, b image.Image, r image.Rectangle) image.Rectangle {
	var box image.Rectangle
	r = r.Intersect(a.Bounds()).Intersect(b.Bounds())
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if laptopColour(a, x, y) != laptopColour(b, x, y) {
				box = box.Union(image.Rect(x, y, x+1, y+1))
			}
		}
	}
	return box
}

// laptopGlyphShapes splits the text inside r into glyphs (runs of columns holding ink,
// apart by at least one empty column) and returns how many there are and how many
// different shapes they have. Boxes drawn for characters no font has all look alike; the
// glyphs of a real name mostly differ.
func laptopGlyphShapes(img image.Image, r image.Rectangle) (glyphs, shapes int) {
	r = r.Intersect(img.Bounds())
	br, bg, bb := walkCommonColour(img, r.Inset(-2).Intersect(img.Bounds()))
	ink := func(x, y int) bool {
		cr, cg, cb, _ := img.At(x, y).RGBA()
		return walkAbsDiff(cr, br)+walkAbsDiff(cg, bg)+walkAbsDiff(cb, bb) > 120<<8
	}
	seen := map[string]bool{}
	var shape strings.Builder
	flush := func() {
		if shape.Len() > 0 {
			glyphs++
			seen[shape.String()] = true
			shape.Reset()
		}
	}
	for x := r.Min.X; x < r.Max.X; x++ {
		column := make([]byte, 0, r.Dy())
		inked := false
		for y := r.Min.Y; y < r.Max.Y; y++ {
			if ink(x, y) {
				column, inked = append(column, '#'), true
			} else {
				column = append(column, '.')
			}
		}
		if !inked {
			flush()
			continue
		}
		fmt.Fprintf(&shape, "%s|", column)
	}
	flush()
	return glyphs, len(seen)
}

// laptopButtonsLike finds the areas inside r with the colour of the pixel at p (a
// button's background) that have a button's size: the buttons of that look, left to right.
func laptopButtonsLike(img image.Image, p image.Point, r image.Rectangle) []image.Rectangle {
	want := laptopColour(img, p.X, p.Y)
	r = r.Intersect(img.Bounds())
	seen := map[image.Point]bool{}
	var out []image.Rectangle
	for x := r.Min.X; x < r.Max.X; x++ {
		for y := r.Min.Y; y < r.Max.Y; y++ {
			start := image.Pt(x, y)
			if seen[start] || laptopColour(img, x, y) != want {
				continue
			}
			box, count := image.Rectangle{Min: start, Max: start.Add(image.Pt(1, 1))}, 0
			queue := []image.Point{start}
			seen[start] = true
			for len(queue) > 0 {
				q := queue[len(queue)-1]
				queue = queue[:len(queue)-1]
				count++
				box = box.Union(image.Rectangle{Min: q, Max: q.Add(image.Pt(1, 1))})
				for _, d := range []image.Point{{1, 0}, {-1, 0}, {0, 1}, {0, -1}} {
					n := q.Add(d)
					if n.In(r) && !seen[n] && laptopColour(img, n.X, n.Y) == want {
						seen[n] = true
						queue = append(queue, n)
					}
				}
			}
			if box.Dy() >= 20 && box.Dy() <= 56 && box.Dx() >= 30 && box.Dx() <= 300 && float64(count) > 0.5*float64(box.Dx()*box.Dy()) {
				out = append(out, box)
			}
		}
	}
	return out
}

// laptopDimmedEdges says how much of each edge of the window a dialog's shade darkens:
// the share of the pixels of the outermost strips (top, bottom, left, right) that are
// darker after the dialog opened. A dialog that fits leaves all four shaded around it;
// one larger than the window covers an edge with its own background.
func laptopDimmedEdges(before, after image.Image) [4]float64 {
	b := before.Bounds().Intersect(after.Bounds())
	const strip = 6
	edges := [4]image.Rectangle{
		image.Rect(b.Min.X, b.Min.Y, b.Max.X, b.Min.Y+strip),
		image.Rect(b.Min.X, b.Max.Y-strip, b.Max.X, b.Max.Y),
		image.Rect(b.Min.X, b.Min.Y, b.Min.X+strip, b.Max.Y),
		image.Rect(b.Max.X-strip, b.Min.Y, b.Max.X, b.Max.Y),
	}
	var out [4]float64
	for i, e := range edges {
		darker, all := 0, 0
		for y := e.Min.Y; y < e.Max.Y; y++ {
			for x := e.Min.X; x < e.Max.X; x++ {
				c0, c1 := laptopColour(before, x, y), laptopColour(after, x, y)
				if c1[0]+c1[1]+c1[2]+12 < c0[0]+c0[1]+c0[2] {
					darker++
				}
				all++
			}
		}
		out[i] = float64(darker) / float64(all)
	}
	return out
}

// TestGlyphShapesTellBoxesFromGlyphs checks the glyph counter itself on drawn boxes: five
// identical boxes, as drawn for characters no font has, are one shape; the same boxes
// each with another mark inside are five.
func TestGlyphShapesTellBoxesFromGlyphs(t *testing.T) {
	boxes := func(marked bool) image.Image {
		img := image.NewRGBA(image.Rect(0, 0, 120, 30))
		draw.Draw(img, img.Bounds(), &image.Uniform{color.Black}, image.Point{}, draw.Src)
		for i := range 5 {
			x0 := 5 + i*22
			for y := 5; y < 25; y++ {
				for x := x0; x < x0+14; x++ {
					if x == x0 || x == x0+13 || y == 5 || y == 24 || (marked && y == 8+i*3 && x > x0+3 && x < x0+10) {
						img.Set(x, y, color.White)
					}
				}
			}
		}
		return img
	}
	if glyphs, shapes := laptopGlyphShapes(boxes(false), image.Rect(3, 3, 118, 27)); glyphs != 5 || shapes != 1 {
		t.Errorf("five identical boxes count as %d glyphs of %d shapes, want 5 of 1", glyphs, shapes)
	}
	if glyphs, shapes := laptopGlyphShapes(boxes(true), image.Rect(3, 3, 118, 27)); glyphs != 5 || shapes != 5 {
		t.Errorf("five different glyphs count as %d glyphs of %d shapes, want 5 of 5", glyphs, shapes)
	}
}
