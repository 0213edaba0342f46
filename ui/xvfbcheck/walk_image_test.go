//go:build xvfb

package xvfbcheck

import "image"

// walkBlue says whether a pixel has the theme's primary colour (the selected tab's
// underline, a high-importance button, a ticked box), not a grey or the list's selection.
func walkBlue(img image.Image, x, y int) bool {
	r, g, b, _ := img.At(x, y).RGBA()
	r, g, b = r>>8, g>>8, b>>8
	return b > 150 && b > r+100 && b > g+60
}

// walkBlueAreas finds the connected areas of primary colour inside r, as bounding boxes
// with how much of each box they fill.
func walkBlueAreas(img image.Image, r image.Rectangle) []walkArea {
	r = r.Intersect(img.Bounds())
	seen := make(map[image.Point]bool)
	var areas []walkArea
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			start := image.Pt(x, y)
			if seen[start] || !walkBlue(img, x, y) {
				continue
			}
			box, count := image.Rectangle{Min: start, Max: start.Add(image.Pt(1, 1))}, 0
			queue := []image.Point{start}
			seen[start] = true
			for len(queue) > 0 {
				p := queue[len(queue)-1]
				queue = queue[:len(queue)-1]
				count++
				box = box.Union(image.Rectangle{Min: p, Max: p.Add(image.Pt(1, 1))})
				for _, d := range []image.Point{{1, 0}, {-1, 0}, {0, 1}, {0, -1}} {
					q := p.Add(d)
					if q.In(r) && !seen[q] && walkBlue(img, q.X, q.Y) {
						seen[q] = true
						queue = append(queue, q)
					}
				}
			}
			areas = append(areas, walkArea{box: box, fill: float64(count) / float64(box.Dx()*box.Dy())})
		}
	}
	return areas
}

// walkArea is one connected area of primary colour.
type walkArea struct {
	box  image.Rectangle
	fill float64 // the share of the box the area covers
}

// walkTabBar is where the detail view's tab titles are on screen.
type walkTabBar struct {
	underline image.Rectangle   // the selected tab's underline
	titles    []image.Rectangle // every tab title, left to right
}

// walkFindTabBar finds the detail view's tab bar: a thin solid underline in the primary
// colour with a row of at least minTitles titles right above it.
func walkFindTabBar(img image.Image, minTitles int) (walkTabBar, bool) {
	for _, u := range walkUnderlines(img, img.Bounds()) {
		if titles := walkTitlesAbove(img, u); len(titles) >= minTitles {
			return walkTabBar{underline: u, titles: titles}, true
		}
	}
	return walkTabBar{}, false
}

// selected says which title the underline is under now, -1 for none.
func (b walkTabBar) selected(img image.Image) int {
	strip := image.Rect(0, b.underline.Min.Y-3, img.Bounds().Max.X, b.underline.Max.Y+3)
	for _, u := range walkUnderlines(img, strip) {
		for i, title := range b.titles {
			if u.Min.X <= title.Min.X && title.Max.X <= u.Max.X {
				return i
			}
		}
	}
	return -1
}

// walkUnderlines finds the thin solid lines of primary colour inside r.
func walkUnderlines(img image.Image, r image.Rectangle) []image.Rectangle {
	var out []image.Rectangle
	for _, a := range walkBlueAreas(img, r) {
		if a.box.Dy() >= 2 && a.box.Dy() <= 7 && a.box.Dx() >= 30 && a.box.Dx() <= 300 && a.fill >= 0.8 {
			out = append(out, a.box)
		}
	}
	return out
}

// walkTitlesAbove splits the band right above an underline, from its left end to the
// window's right edge, into titles: runs of columns holding text, apart by more than a
// space's width.
func walkTitlesAbove(img image.Image, underline image.Rectangle) []image.Rectangle {
	band := image.Rect(underline.Min.X, underline.Min.Y-30, img.Bounds().Max.X, underline.Min.Y-3).Intersect(img.Bounds())
	if band.Empty() {
		return nil
	}
	br, bg, bb := walkCommonColour(img, band)
	inked := func(x int) bool {
		for y := band.Min.Y; y < band.Max.Y; y++ {
			r, g, b, _ := img.At(x, y).RGBA()
			if walkAbsDiff(r, br)+walkAbsDiff(g, bg)+walkAbsDiff(b, bb) > 90<<8 {
				return true
			}
		}
		return false
	}
	const gap = 10 // wider than a space inside "N/A Reasons", narrower than the space between tabs
	var titles []image.Rectangle
	end := -gap - 1
	for x := band.Min.X; x < band.Max.X; x++ {
		if !inked(x) {
			continue
		}
		if n := len(titles); n > 0 && x-end <= gap {
			titles[n-1].Max.X = x + 1
		} else {
			titles = append(titles, image.Rect(x, band.Min.Y, x+1, band.Max.Y))
		}
		end = x
	}
	return titles
}

// walkFindButtons finds the high-importance buttons inside r: solid areas of primary colour
// the size of a button.
func walkFindButtons(img image.Image, r image.Rectangle) []image.Rectangle {
	var out []image.Rectangle
	for _, a := range walkBlueAreas(img, r) {
		if a.box.Dy() >= 24 && a.box.Dy() <= 56 && a.box.Dx() >= 40 && a.box.Dx() <= 260 && a.fill > 0.6 {
			out = append(out, a.box)
		}
	}
	return out
}

// walkCommonColour is the colour most pixels of r have: the background.
func walkCommonColour(img image.Image, r image.Rectangle) (red, green, blue uint32) {
	counts := make(map[[3]uint32]int)
	var best [3]uint32
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			cr, cg, cb, _ := img.At(x, y).RGBA()
			c := [3]uint32{cr, cg, cb}
			counts[c]++
			if counts[c] > counts[best] {
				best = c
			}
		}
	}
	return best[0], best[1], best[2]
}

func walkAbsDiff(a, b uint32) uint32 {
	if a > b {
		return a - b
	}
	return b - a
}

func walkCentre(r image.Rectangle) image.Point {
	return image.Pt((r.Min.X+r.Max.X)/2, (r.Min.Y+r.Max.Y)/2)
}
